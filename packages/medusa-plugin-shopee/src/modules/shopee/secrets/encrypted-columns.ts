import type { DmlEntity } from "@medusajs/framework/utils"
import type { ShopeeEnvironment } from "../environments"
import { ShopeeAuthToken } from "../models/shopee-auth-token"
import { ShopeeProfile } from "../models/shopee-profile"
import type { SecretContext } from "./secret-box"

type RowPlace = { id: string; environment: ShopeeEnvironment }

/** The columns of a model whose name says they hold a ciphertext. */
// DmlEntity's type parameters are constrained; `any` is the wildcard that matches every model.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type EncryptedColumnOf<Model> = Model extends DmlEntity<infer Schema, any> ? Extract<keyof Schema, `${string}_encrypted`> : never

/**
 * One model's encrypted columns: each stored column and the secret name its ciphertexts are
 * bound to (the `column` of their SecretContext, fixed once written). The type asks for every
 * `*_encrypted` column of the model, so a model cannot gain one that key rotation misses.
 */
export type EncryptedTable = {
  table: string
  /** Stored column → the secret's name in its SecretContext. */
  columns: Record<string, string>
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function encryptedTable<Model extends DmlEntity<any, any>>(
  model: Model,
  columns: Record<EncryptedColumnOf<Model>, string>
): EncryptedTable {
  return { table: model.parse().tableName, columns }
}

const PROFILE_TABLE = encryptedTable(ShopeeProfile, {
  partner_key_encrypted: "partner_key",
  push_partner_key_encrypted: "push_partner_key",
})
const TOKEN_TABLE = encryptedTable(ShopeeAuthToken, {
  access_token_encrypted: "access_token",
  refresh_token_encrypted: "refresh_token",
})

/**
 * Every table holding ciphertexts: what key rotation rewrites and the encryption status counts.
 * Each has an `id` and an `environment`, which every ciphertext is bound to. A unit test scans
 * every model for a `*_encrypted` column missing here.
 */
export const ENCRYPTED_TABLES: readonly EncryptedTable[] = [PROFILE_TABLE, TOKEN_TABLE]

/** Where a ciphertext belongs: it decrypts only in this table, row, column and environment. */
export function secretContextOf(table: EncryptedTable, row: RowPlace, storedColumn: string): SecretContext {
  const secret = table.columns[storedColumn]
  if (!secret) throw new Error(`${table.table}.${storedColumn} is not an encrypted column`)
  return { table: table.table, rowId: row.id, column: secret, environment: row.environment }
}

/** The encrypted columns of a profile, by the name the API uses for the plain value. */
export const PROFILE_SECRETS = {
  partner_key: "partner_key_encrypted",
  push_partner_key: "push_partner_key_encrypted",
} as const
export type ProfileSecret = keyof typeof PROFILE_SECRETS
export const PROFILE_SECRET_NAMES = Object.keys(PROFILE_SECRETS) as ProfileSecret[]

/** The encrypted columns of a shop's tokens. */
export type TokenSecret = "access_token" | "refresh_token"

export function profileSecretContext(row: RowPlace, secret: ProfileSecret): SecretContext {
  return secretContextOf(PROFILE_TABLE, row, PROFILE_SECRETS[secret])
}

export function tokenSecretContext(row: RowPlace, secret: TokenSecret): SecretContext {
  return secretContextOf(TOKEN_TABLE, row, `${secret}_encrypted`)
}
