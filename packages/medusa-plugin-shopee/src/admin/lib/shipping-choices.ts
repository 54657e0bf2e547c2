import type { DropoffBranch, GetShippingParameterResponse, PickupAddress } from "@shopee-medusa/shopee-client"
import { RECOMMENDED_PICKUP_SLOT_FLAG, SHIPPING_MODES, type ShippingMode } from "@shopee-medusa/shopee-client/vocabulary"

export type { ShippingMode }

/** The translation key of each mode's words. */
export const shippingModeLabelKey = (mode: ShippingMode) => `shopee.fulfilment.mode.${mode}`

/** What the operator picked in the widget's form; only the fields of the chosen mode are sent. */
export type ShippingChoices = {
  mode: ShippingMode
  address_id?: number
  pickup_time_id?: string
  branch_id?: number
  tracking_number?: string
}

/** The modes Shopee offers for the order (`info_needed` names them), in the vocabulary's order. */
export function offeredModes(parameter: GetShippingParameterResponse): ShippingMode[] {
  return SHIPPING_MODES.filter((mode) => parameter.info_needed[mode] !== undefined)
}

export const pickupAddresses = (parameter: GetShippingParameterResponse): PickupAddress[] => parameter.pickup?.address_list ?? []

/** Shopee's default (or pickup) address first, else the first it lists. */
export function defaultAddress(parameter: GetShippingParameterResponse): PickupAddress | undefined {
  const addresses = pickupAddresses(parameter)
  const flagged = (flag: string) => addresses.find((address) => address.address_flag?.includes(flag))
  return flagged("default_address") ?? flagged("pickup_address") ?? addresses[0]
}

/** The slot Shopee recommends, else the first it offers. */
export function recommendedSlotId(address: PickupAddress | undefined): string | undefined {
  const slots = address?.time_slot_list ?? []
  return (slots.find((slot) => slot.flags?.includes(RECOMMENDED_PICKUP_SLOT_FLAG)) ?? slots[0])?.pickup_time_id
}

/** Whether drop-off needs a branch chosen: Shopee names `branch_id` among what it needs. */
export const needsBranch = (parameter: GetShippingParameterResponse): boolean => (parameter.info_needed.dropoff ?? []).includes("branch_id")

/** What the form preselects for a mode: pickup at the default address and the recommended slot. */
export function initialChoices(parameter: GetShippingParameterResponse, mode: ShippingMode): ShippingChoices {
  if (mode === "pickup") {
    const address = defaultAddress(parameter)
    return { mode, address_id: address?.address_id, pickup_time_id: recommendedSlotId(address) }
  }
  if (mode === "dropoff") return { mode, branch_id: needsBranch(parameter) ? parameter.dropoff?.branch_list?.[0]?.branch_id : undefined }
  return { mode, tracking_number: "" }
}

/** The ship route's body: the chosen mode's own fields, those left unset omitted (the server then picks as Shopee suggests). */
export function shipBody(choices: ShippingChoices): Record<string, string | number> {
  const fields: Record<ShippingMode, (keyof ShippingChoices)[]> = {
    pickup: ["address_id", "pickup_time_id"],
    dropoff: ["branch_id"],
    non_integrated: ["tracking_number"],
  }
  const body: Record<string, string | number> = { mode: choices.mode }
  for (const field of fields[choices.mode]) {
    const value = choices[field]
    if (value !== undefined && value !== "") body[field] = typeof value === "string" ? value.trim() : value
  }
  return body
}

/** A slot as the select shows it: its day in the admin's language (`locale`), then Shopee's text for the hours (the same on every day). */
export function slotLabel(slot: { date: number; time_text?: string }, locale?: string): string {
  const day = new Date(slot.date * 1000).toLocaleDateString(locale, { weekday: "short", day: "numeric", month: "short" })
  return slot.time_text ? `${day}, ${slot.time_text}` : day
}

/** A drop-off branch as the selects show it: where it is, else its id. */
export const branchLabel = (branch: Pick<DropoffBranch, "branch_id" | "address" | "city">): string =>
  [branch.address, branch.city].filter(Boolean).join(", ") || String(branch.branch_id)
