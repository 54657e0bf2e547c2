import crypto from "node:crypto"
import type { ShopeeEnvironment } from "../environments"

export type OAuthStatePayload = { env: ShopeeEnvironment; profile_id: string; exp: number; nonce: string }

export const OAUTH_STATE_TTL_MS = 10 * 60 * 1000

/**
 * The `state` carried through Shopee's authorization: which environment and profile started
 * it, until when it is valid, signed so that a callback cannot be forged or redirected to
 * another environment.
 */
export function signOAuthState(
  payload: Omit<OAuthStatePayload, "exp" | "nonce">,
  key: Buffer,
  nowMs: number
): string {
  const full: OAuthStatePayload = { ...payload, exp: nowMs + OAUTH_STATE_TTL_MS, nonce: crypto.randomBytes(8).toString("hex") }
  const body = Buffer.from(JSON.stringify(full)).toString("base64url")
  return `${body}.${mac(body, key)}`
}

/** The payload of a genuine, unexpired state; null for anything else. */
export function verifyOAuthState(state: string, key: Buffer, nowMs: number): OAuthStatePayload | null {
  const [body, signature, extra] = state.split(".")
  if (!body || !signature || extra !== undefined) return null
  const expected = Buffer.from(mac(body, key))
  const given = Buffer.from(signature)
  if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) return null
  try {
    const payload = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as OAuthStatePayload
    return typeof payload.exp === "number" && payload.exp > nowMs ? payload : null
  } catch {
    return null
  }
}

function mac(body: string, key: Buffer): string {
  return crypto.createHmac("sha256", key).update(`shopee-oauth-state:${body}`).digest("base64url")
}
