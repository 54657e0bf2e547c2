import crypto from "node:crypto"
import { profileSecretContext } from "../secrets/encrypted-columns"
import { buildKeyring } from "../secrets/encryption-keys"
import { encryptSecret } from "../secrets/secret-box"
import type { ProfileRow } from "../tables"
import { presentProfile, profileChangeLine } from "./profile-presentation"

const keyring = buildKeyring({ encryptionKey: crypto.randomBytes(32).toString("hex") })!
const otherKeyring = buildKeyring({ encryptionKey: crypto.randomBytes(32).toString("hex") })!
const partnerKey = "shpk" + "a".repeat(56) + "5863"

function row(overrides: Partial<ProfileRow> = {}): ProfileRow {
  const place = { id: "shprof_1", environment: "live" as const }
  return {
    ...place,
    name: "Main",
    partner_id: "2001",
    partner_key_encrypted: encryptSecret(partnerKey, keyring, profileSecretContext(place, "partner_key")),
    push_partner_key_encrypted: null,
    shop_id: "700001",
    region: "GLOBAL",
    api_base_url: null,
    default_location_id: null,
    ship_default_mode: null,
    ship_default_address_id: null,
    ship_auto_delay_minutes: 60,
    is_active: true,
    created_at: new Date(0),
    updated_at: new Date(0),
    deleted_at: null,
    ...overrides,
  } as ProfileRow
}

describe("presentProfile", () => {
  it("shows ids as numbers and secrets only as fingerprints", () => {
    const shown = presentProfile(row(), keyring)
    expect(shown).toMatchObject({ partner_id: 2001, shop_id: 700001, partner_key: "shpk…5863·len64", push_partner_key: null })
    expect(JSON.stringify(shown)).not.toContain(partnerKey)
    expect(shown).toMatchObject({ complete: true, missing: [], unreadable_secrets: [] })
  })

  it("names a secret this server cannot read instead of failing", () => {
    expect(presentProfile(row(), otherKeyring)).toMatchObject({ partner_key: null, unreadable_secrets: ["partner_key"] })
    expect(presentProfile(row(), null)).toMatchObject({ partner_key: null, unreadable_secrets: ["partner_key"] })
  })

  it("names what an incomplete profile lacks", () => {
    expect(presentProfile(row({ shop_id: null, partner_key_encrypted: null }), keyring)).toMatchObject({
      complete: false,
      missing: ["partner_key", "shop_id"],
    })
  })
})

describe("profileChangeLine", () => {
  it("names the fields sent, with secrets as fingerprints or cleared", () => {
    const profile = presentProfile(row(), keyring)
    expect(profileChangeLine("updated", profile, { partner_key: partnerKey, push_partner_key: null, shop_id: 700001 })).toEqual(
      'Shopee live profile "Main" (shprof_1) updated: partner_key=shpk…5863·len64, push_partner_key=cleared, shop_id'
    )
    expect(profileChangeLine("created", profile, {})).toEqual('Shopee live profile "Main" (shprof_1) created: no fields')
  })
})
