import crypto from "node:crypto"
import type { ShopeeEnvironment } from "../environments"

/**
 * Who asked for an authorization: the environment and profile it is for, the admin user who
 * pressed Connect, and a digest of the secret kept in that browser's cookie (the binding).
 */
export type OAuthStatePayload = {
  env: ShopeeEnvironment
  profile_id: string
  actor_id: string | null
  binding: string
  exp: number
  nonce: string
}

/**
 * How long a state (and the link carrying it) is valid. Shopee's authorization code itself lives
 * 10 minutes; the link, the state, the binding cookie and `expires_at` all use this one value.
 */
export const OAUTH_STATE_TTL_MS = 10 * 60 * 1000

/**
 * The `state` carried through Shopee's authorization, signed so that a callback cannot be
 * forged or redirected to another environment. Its nonce makes it single-use (the callback
 * records it as spent); its binding ties it to the browser that asked for it.
 */
export function signOAuthState(
  payload: Omit<OAuthStatePayload, "exp" | "nonce">,
  key: Buffer,
  nowMs: number
): { state: string; payload: OAuthStatePayload } {
  const full: OAuthStatePayload = { ...payload, exp: nowMs + OAUTH_STATE_TTL_MS, nonce: crypto.randomBytes(16).toString("hex") }
  const body = Buffer.from(JSON.stringify(full)).toString("base64url")
  return { state: `${body}.${mac(body, key)}`, payload: full }
}

/** The payload of a genuine, unexpired state; null for anything else. */
export function verifyOAuthState(state: string, key: Buffer, nowMs: number): OAuthStatePayload | null {
  if (typeof state !== "string") return null
  const [body, signature, extra] = state.split(".")
  if (!body || !signature || extra !== undefined) return null
  const expected = Buffer.from(mac(body, key))
  const given = Buffer.from(signature)
  if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) return null
  try {
    const payload = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as OAuthStatePayload
    const wellFormed =
      typeof payload.exp === "number" &&
      typeof payload.nonce === "string" &&
      typeof payload.binding === "string" &&
      payload.binding.length > 0
    return wellFormed && payload.exp > nowMs ? payload : null
  } catch {
    return null
  }
}

/** A fresh secret for the browser that asks for a link; only its digest goes into the state. */
export function newBindingSecret(): string {
  return crypto.randomBytes(32).toString("base64url")
}

export function bindingDigest(secret: string): string {
  return crypto.createHash("sha256").update(`shopee-oauth-binding:${secret}`).digest("base64url")
}

/** True when the browser's cookie holds the secret whose digest the state carries (constant time). */
export function bindingMatches(payload: OAuthStatePayload, secret: string | undefined): boolean {
  if (typeof secret !== "string" || secret.length === 0) return false
  const expected = Buffer.from(payload.binding)
  const given = Buffer.from(bindingDigest(secret))
  return expected.length === given.length && crypto.timingSafeEqual(expected, given)
}

function mac(body: string, key: Buffer): string {
  return crypto.createHmac("sha256", key).update(`shopee-oauth-state:${body}`).digest("base64url")
}
