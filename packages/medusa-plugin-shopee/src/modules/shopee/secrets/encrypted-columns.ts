import type { ShopeeEnvironment } from "../environments"
import type { SecretContext } from "./secret-box"

/** The encrypted columns of a profile, by the name the API uses for the plain value. */
export const PROFILE_SECRETS = {
  partner_key: "partner_key_encrypted",
  push_partner_key: "push_partner_key_encrypted",
} as const
export type ProfileSecret = keyof typeof PROFILE_SECRETS
export const PROFILE_SECRET_NAMES = Object.keys(PROFILE_SECRETS) as ProfileSecret[]

/** The encrypted columns of a shop's tokens. */
export type TokenSecret = "access_token" | "refresh_token"

type RowPlace = { id: string; environment: ShopeeEnvironment }

/** Where a profile secret belongs: its ciphertext decrypts only in this row, column and environment. */
export function profileSecretContext(row: RowPlace, secret: ProfileSecret): SecretContext {
  return { table: "shopee_profile", rowId: row.id, column: secret, environment: row.environment }
}

export function tokenSecretContext(row: RowPlace, secret: TokenSecret): SecretContext {
  return { table: "shopee_auth_token", rowId: row.id, column: secret, environment: row.environment }
}
