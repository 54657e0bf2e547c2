import { PROFILE_SECRETS, profileSecretContext, type ProfileSecret } from "../secrets/encrypted-columns"
import { EncryptionNotConfiguredError, type Keyring } from "../secrets/encryption-keys"
import { decryptSecret } from "../secrets/secret-box"
import type { ProfileRow } from "../tables"
import type { PresentedProfile, ProfileFieldsInput } from "../types"
import { fingerprint } from "./fingerprint"
import { missingProfileFields } from "./profile-completeness"

/**
 * A profile as every read shows it: ids as numbers, secrets only as fingerprints, what is
 * missing, and which stored secrets this server cannot read (so a person re-enters them).
 */
export function presentProfile(row: ProfileRow, keyring: Keyring | null): PresentedProfile {
  const unreadable: string[] = []
  const shown = (secret: ProfileSecret): string | null => {
    const stored = row[PROFILE_SECRETS[secret]]
    if (!stored) return null
    try {
      if (!keyring) throw new EncryptionNotConfiguredError()
      return fingerprint(decryptSecret(stored, keyring, profileSecretContext(row, secret)))
    } catch {
      unreadable.push(secret)
      return null
    }
  }
  const missing = missingProfileFields(row)
  return {
    id: row.id,
    environment: row.environment,
    name: row.name,
    partner_id: row.partner_id === null ? null : Number(row.partner_id),
    partner_key: shown("partner_key"),
    push_partner_key: shown("push_partner_key"),
    shop_id: row.shop_id === null ? null : Number(row.shop_id),
    region: row.region,
    api_base_url: row.api_base_url,
    default_location_id: row.default_location_id,
    ship_default_mode: row.ship_default_mode,
    ship_default_address_id: row.ship_default_address_id === null ? null : Number(row.ship_default_address_id),
    ship_auto_delay_minutes: row.ship_auto_delay_minutes,
    is_active: row.is_active,
    complete: missing.length === 0,
    missing,
    unreadable_secrets: unreadable,
    updated_at: row.updated_at,
  }
}

/** The audit line of a change, naming the fields sent; secrets appear only as fingerprints. */
export function profileChangeLine(action: string, profile: PresentedProfile, input: ProfileFieldsInput): string {
  const changes = (Object.keys(input) as (keyof ProfileFieldsInput)[]).map((field) =>
    field in PROFILE_SECRETS ? `${field}=${profile[field as ProfileSecret] ?? "cleared"}` : field
  )
  return `Shopee ${profile.environment} profile "${profile.name}" (${profile.id}) ${action}: ${changes.join(", ") || "no fields"}`
}
