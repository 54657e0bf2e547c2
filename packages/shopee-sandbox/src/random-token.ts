import { randomBytes } from "node:crypto"

/** Shopee's codes, tokens and request ids are 32 lowercase hex characters. */
export function randomHex32(): string {
  return randomBytes(16).toString("hex")
}
