import { MedusaError } from "@medusajs/framework/utils"
import type { ShopeePluginOptions } from "../options"
import { buildKeyring, EncryptionNotConfiguredError, type Keyring } from "./encryption-keys"

/**
 * This server's keys, read on every use from the plugin options and the environment, so that
 * a key added for a rotation is seen without a rebuild. Null when no key can be had.
 */
export function keyringOf(options: ShopeePluginOptions): Keyring | null {
  return buildKeyring({
    encryptionKey: options.encryption_key ?? process.env.SHOPEE_ENCRYPTION_KEY,
    previousEncryptionKeys: options.previous_encryption_keys ?? process.env.SHOPEE_ENCRYPTION_KEY_PREVIOUS,
    jwtSecret: process.env.JWT_SECRET,
  })
}

/** The keyring, or a 400 naming what the server lacks. */
export function requireKeyring(options: ShopeePluginOptions): Keyring {
  const keyring = keyringOf(options)
  if (!keyring) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, new EncryptionNotConfiguredError().message)
  }
  return keyring
}
