import { formValuesOf, profileChanges } from "./profile-changes"
import type { ShopeeProfile } from "./types"

const stored: ShopeeProfile = {
  id: "shprof_1",
  environment: "live",
  name: "Default",
  partner_id: 2001887,
  partner_key: "shpk…5863·len64",
  push_partner_key: null,
  shop_id: null,
  region: "GLOBAL",
  api_base_url: null,
  default_location_id: "sloc_1",
  ship_default_mode: null,
  ship_default_address_id: null,
  ship_auto_delay_minutes: 60,
  is_active: true,
  complete: false,
  missing: ["shop_id"],
  unreadable_secrets: [],
  updated_at: "2026-01-01T00:00:00.000Z",
}

describe("profileChanges", () => {
  it("sends nothing for an untouched form, so the stored secrets are kept", () => {
    expect(profileChanges(formValuesOf(stored), stored)).toEqual({})
  })

  it("sends a secret only when a new one was typed, trimmed", () => {
    const values = { ...formValuesOf(stored), push_partner_key: "  push-key  " }
    expect(profileChanges(values, stored)).toEqual({ push_partner_key: "push-key" })
  })

  it("sends ids as typed so that the server names a bad value, and an emptied field as null", () => {
    const values = { ...formValuesOf(stored), shop_id: "12ab", partner_id: "", default_location_id: "" }
    expect(profileChanges(values, stored)).toEqual({ shop_id: "12ab", partner_id: null, default_location_id: null })
  })

  it("sends the shipping default: the mode (none as null), the address as typed, the delay as a number", () => {
    const values = {
      ...formValuesOf(stored),
      ship_default_mode: "pickup" as const,
      ship_default_address_id: "1001",
      ship_auto_delay_minutes: " 0 ",
    }
    expect(profileChanges(values, stored)).toEqual({
      ship_default_mode: "pickup",
      ship_default_address_id: "1001",
      ship_auto_delay_minutes: 0,
    })
    const withDefault = { ...stored, ship_default_mode: "dropoff" as const }
    expect(profileChanges({ ...formValuesOf(withDefault), ship_default_mode: "" }, withDefault)).toEqual({ ship_default_mode: null })
  })

  it("sends a changed region, name and API base URL", () => {
    const values = { ...formValuesOf(stored), region: "TEST_GLOBAL" as const, name: " Backup ", api_base_url: "http://localhost:9100" }
    expect(profileChanges(values, stored)).toEqual({ region: "TEST_GLOBAL", name: "Backup", api_base_url: "http://localhost:9100" })
  })
})
