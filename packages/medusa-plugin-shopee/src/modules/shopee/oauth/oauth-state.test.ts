import crypto from "node:crypto"
import { bindingDigest, bindingMatches, newBindingSecret, OAUTH_STATE_TTL_MS, signOAuthState, verifyOAuthState } from "./oauth-state"

const key = crypto.randomBytes(32)
const now = 1_700_000_000_000
const who = { actor_id: "user_1", binding: bindingDigest("browser-secret") }

describe("OAuth state", () => {
  it("verifies a state it signed, and gives back the environment, profile and admin", () => {
    const { state, payload } = signOAuthState({ env: "live", profile_id: "shprof_1", ...who }, key, now)
    expect(payload.exp).toEqual(now + OAUTH_STATE_TTL_MS)
    expect(verifyOAuthState(state, key, now + 1000)).toMatchObject({ env: "live", profile_id: "shprof_1", actor_id: "user_1" })
  })

  it("refuses an expired state", () => {
    const { state } = signOAuthState({ env: "live", profile_id: "shprof_1", ...who }, key, now)
    expect(verifyOAuthState(state, key, now + OAUTH_STATE_TTL_MS + 1)).toBeNull()
  })

  it("refuses a state whose payload was changed, or signed with another key", () => {
    const { state } = signOAuthState({ env: "sandbox", profile_id: "shprof_1", ...who }, key, now)
    const [, signature] = state.split(".")
    const forged = Buffer.from(JSON.stringify({ env: "live", profile_id: "shprof_1", exp: now + 60_000, nonce: "x", ...who })).toString(
      "base64url"
    )
    expect(verifyOAuthState(`${forged}.${signature}`, key, now)).toBeNull()
    expect(verifyOAuthState(state, crypto.randomBytes(32), now)).toBeNull()
  })

  it("refuses garbage and non-strings without throwing", () => {
    for (const garbage of ["", "abc", "a.b.c", "a.b", ["a", "b"], { a: 1 }, undefined]) {
      expect(verifyOAuthState(garbage as string, key, now)).toBeNull()
    }
  })

  it("is bound to the browser holding the secret whose digest it carries", () => {
    const secret = newBindingSecret()
    const { payload } = signOAuthState({ env: "sandbox", profile_id: "shprof_1", actor_id: null, binding: bindingDigest(secret) }, key, now)
    expect(bindingMatches(payload, secret)).toBe(true)
    expect(bindingMatches(payload, newBindingSecret())).toBe(false)
    expect(bindingMatches(payload, undefined)).toBe(false)
    expect(bindingMatches(payload, "")).toBe(false)
  })
})
