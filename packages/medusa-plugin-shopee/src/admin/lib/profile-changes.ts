import type { ProfileChanges, ShopeeProfile, ShopeeRegion } from "./types"

/** The form's fields as typed: every value a string, secrets empty until the operator types one. */
export type ProfileFormValues = {
  name: string
  partner_id: string
  partner_key: string
  push_partner_key: string
  shop_id: string
  region: ShopeeRegion
  api_base_url: string
  default_location_id: string
  /** "" for no automatic arrangement. */
  ship_default_mode: "" | "pickup" | "dropoff"
  ship_default_address_id: string
  ship_auto_delay_minutes: string
}

export function formValuesOf(profile: ShopeeProfile): ProfileFormValues {
  return {
    name: profile.name,
    partner_id: profile.partner_id === null ? "" : String(profile.partner_id),
    partner_key: "",
    push_partner_key: "",
    shop_id: profile.shop_id === null ? "" : String(profile.shop_id),
    region: profile.region,
    api_base_url: profile.api_base_url ?? "",
    default_location_id: profile.default_location_id ?? "",
    ship_default_mode: profile.ship_default_mode ?? "",
    ship_default_address_id: profile.ship_default_address_id === null ? "" : String(profile.ship_default_address_id),
    ship_auto_delay_minutes: String(profile.ship_auto_delay_minutes),
  }
}

/**
 * Only what the operator changed, so that a save never rewrites a field it did not touch. A
 * secret is sent only when a new one was typed: an empty secret field means "keep the stored
 * one". Ids go as typed so that the server's validation names the field of a bad value; an
 * emptied optional field is sent as null, which clears it.
 */
export function profileChanges(values: ProfileFormValues, profile: ShopeeProfile): ProfileChanges {
  const initial = formValuesOf(profile)
  const changes: ProfileChanges = {}
  const nullable = (value: string) => (value === "" ? null : value)

  const name = values.name.trim()
  if (name !== initial.name) changes.name = name
  for (const field of ["partner_id", "shop_id", "api_base_url", "default_location_id", "ship_default_address_id"] as const) {
    const value = values[field].trim()
    if (value !== initial[field]) changes[field] = nullable(value)
  }
  for (const secret of ["partner_key", "push_partner_key"] as const) {
    const value = values[secret].trim()
    if (value !== "") changes[secret] = value
  }
  if (values.region !== initial.region) changes.region = values.region
  if (values.ship_default_mode !== initial.ship_default_mode) changes.ship_default_mode = values.ship_default_mode || null
  // A number as typed (a word becomes null), for the server's validation to name a bad one.
  const delay = values.ship_auto_delay_minutes.trim()
  if (delay !== initial.ship_auto_delay_minutes) changes.ship_auto_delay_minutes = delay === "" ? Number.NaN : Number(delay)
  return changes
}
