import crypto from "node:crypto"

export type EncryptionKey = { id: string; key: Buffer }

/** The key new ciphertexts are written with, and every key a stored ciphertext may use. */
export type Keyring = { current: EncryptionKey; all: EncryptionKey[] }

export type KeySources = {
  /** SHOPEE_ENCRYPTION_KEY: 32 bytes as 64 hex characters or base64. */
  encryptionKey?: string
  /** SHOPEE_ENCRYPTION_KEY_PREVIOUS: comma-separated keys still accepted for reading. */
  previousEncryptionKeys?: string
  /** JWT_SECRET: the key is derived from it when no dedicated key is set. */
  jwtSecret?: string
}

export class EncryptionNotConfiguredError extends Error {
  constructor() {
    super("Shopee secrets cannot be stored or read: set SHOPEE_ENCRYPTION_KEY (32 bytes, hex or base64) or JWT_SECRET on the server.")
  }
}

export class InvalidEncryptionKeyError extends Error {}

const HKDF_SALT = "medusa-plugin-shopee"
const HKDF_INFO = "shopee-secrets-at-rest-v1"

/** A key id that names the key without revealing it, so ciphertexts can say which key wrote them. */
function keyId(key: Buffer): string {
  return crypto.createHash("sha256").update("shopee-key-id:").update(key).digest("hex").slice(0, 8)
}

export function parseDedicatedKey(value: string, name: string): Buffer {
  const trimmed = value.trim()
  if (/^[0-9a-f]{64}$/i.test(trimmed)) {
    return Buffer.from(trimmed, "hex")
  }
  const decoded = Buffer.from(trimmed, "base64")
  if (decoded.length === 32 && /^[A-Za-z0-9+/_-]+=*$/.test(trimmed)) {
    return decoded
  }
  throw new InvalidEncryptionKeyError(`${name} must be 32 bytes written as 64 hex characters or as base64`)
}

export function deriveKeyFromJwtSecret(jwtSecret: string): Buffer {
  return Buffer.from(crypto.hkdfSync("sha256", jwtSecret, HKDF_SALT, HKDF_INFO, 32))
}

/**
 * The dedicated key wins; a store that only has JWT_SECRET derives its key from it. The key
 * derived from JWT_SECRET stays readable after a dedicated key is introduced, so moving to a
 * dedicated key is a rotation, not a loss.
 */
export function buildKeyring(sources: KeySources): Keyring | null {
  const dedicated = sources.encryptionKey?.trim() ? parseDedicatedKey(sources.encryptionKey, "SHOPEE_ENCRYPTION_KEY") : undefined
  const previous = (sources.previousEncryptionKeys ?? "")
    .split(",")
    .map((value) => value.trim())
    .filter(Boolean)
    .map((value) => parseDedicatedKey(value, "SHOPEE_ENCRYPTION_KEY_PREVIOUS"))
  const derived = sources.jwtSecret ? deriveKeyFromJwtSecret(sources.jwtSecret) : undefined

  const currentKey = dedicated ?? derived
  if (!currentKey) {
    return null
  }
  const all: EncryptionKey[] = []
  for (const key of [currentKey, ...previous, ...(derived ? [derived] : [])]) {
    const id = keyId(key)
    if (!all.some((known) => known.id === id)) {
      all.push({ id, key })
    }
  }
  return { current: all[0], all }
}
