import { MedusaError } from "@medusajs/framework/utils"
import { missingFieldsMessage, missingProfileFields } from "../profiles/profile-completeness"
import { profileSecretContext } from "../secrets/encrypted-columns"
import type { Keyring } from "../secrets/encryption-keys"
import { decryptSecret } from "../secrets/secret-box"
import type { ProfileRow } from "../tables"
import type { ProfileCredentials } from "../types"

/** A profile's decrypted credentials; refuses an incomplete profile, naming what is missing. */
export function credentialsOf(row: ProfileRow, keyring: () => Keyring): ProfileCredentials {
  const missing = missingProfileFields(row)
  if (missing.length > 0) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `The active ${row.environment} profile "${row.name}" is incomplete. ${missingFieldsMessage(missing)}`
    )
  }
  const ring = keyring()
  return {
    profile_id: row.id,
    environment: row.environment,
    partner_id: Number(row.partner_id),
    partner_key: decryptSecret(row.partner_key_encrypted!, ring, profileSecretContext(row, "partner_key")),
    push_partner_key: row.push_partner_key_encrypted
      ? decryptSecret(row.push_partner_key_encrypted, ring, profileSecretContext(row, "push_partner_key"))
      : null,
    shop_id: Number(row.shop_id),
    region: row.region,
    api_base_url: row.api_base_url,
  }
}
