import crypto from "node:crypto"
import type { Keyring } from "./encryption-keys"

/**
 * Where a ciphertext belongs. It is bound to the ciphertext as additional authenticated data,
 * so a ciphertext copied to another row, column or environment fails to decrypt.
 */
export type SecretContext = { table: string; rowId: string; column: string; environment: string }

const VERSION = "v1"

export class SecretDecryptionError extends Error {
  constructor(context: SecretContext, reason: string) {
    super(`Cannot decrypt ${context.table}.${context.column} of ${context.rowId}: ${reason}`)
  }
}

function additionalData(context: SecretContext): Buffer {
  return Buffer.from([VERSION, context.table, context.rowId, context.column, context.environment].join("\u0000"), "utf8")
}

/** AES-256-GCM; the stored text is `v1:<key id>:<iv>:<tag>:<ciphertext>` (base64url parts). */
export function encryptSecret(plain: string, keyring: Keyring, context: SecretContext): string {
  const iv = crypto.randomBytes(12)
  const cipher = crypto.createCipheriv("aes-256-gcm", keyring.current.key, iv)
  cipher.setAAD(additionalData(context))
  const ciphertext = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()])
  return [VERSION, keyring.current.id, iv, cipher.getAuthTag(), ciphertext]
    .map((part) => (Buffer.isBuffer(part) ? part.toString("base64url") : part))
    .join(":")
}

/** The id of the key a stored ciphertext was written with, without decrypting it. */
export function keyIdOf(stored: string): string | null {
  const parts = stored.split(":")
  return parts.length === 5 && parts[0] === VERSION ? parts[1] : null
}

export function decryptSecret(stored: string, keyring: Keyring, context: SecretContext): string {
  const parts = stored.split(":")
  if (parts.length !== 5 || parts[0] !== VERSION) {
    throw new SecretDecryptionError(context, "not a ciphertext of this connector")
  }
  const [, id, iv, tag, ciphertext] = parts
  const key = keyring.all.find((candidate) => candidate.id === id)
  if (!key) {
    throw new SecretDecryptionError(context, `written with key ${id}, which this server does not have`)
  }
  try {
    const decipher = crypto.createDecipheriv("aes-256-gcm", key.key, Buffer.from(iv, "base64url"))
    decipher.setAAD(additionalData(context))
    decipher.setAuthTag(Buffer.from(tag, "base64url"))
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8")
  } catch {
    throw new SecretDecryptionError(context, "authentication failed (wrong key, or copied from another row or column)")
  }
}
