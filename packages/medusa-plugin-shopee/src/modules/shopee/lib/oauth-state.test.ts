import crypto from "node:crypto"
import { OAUTH_STATE_TTL_MS, signOAuthState, verifyOAuthState } from "./oauth-state"

const key = crypto.randomBytes(32)
const now = 1_700_000_000_000

describe("OAuth state", () => {
  it("verifies a state it signed, and gives back the environment and profile", () => {
    const state = signOAuthState({ env: "live", profile_id: "shprof_1" }, key, now)
    expect(verifyOAuthState(state, key, now + 1000)).toMatchObject({ env: "live", profile_id: "shprof_1" })
  })

  it("refuses an expired state", () => {
    const state = signOAuthState({ env: "live", profile_id: "shprof_1" }, key, now)
    expect(verifyOAuthState(state, key, now + OAUTH_STATE_TTL_MS + 1)).toBeNull()
  })

  it("refuses a state whose payload was changed, or signed with another key", () => {
    const state = signOAuthState({ env: "sandbox", profile_id: "shprof_1" }, key, now)
    const [, signature] = state.split(".")
    const forged = Buffer.from(JSON.stringify({ env: "live", profile_id: "shprof_1", exp: now + 60_000, nonce: "x" })).toString("base64url")
    expect(verifyOAuthState(`${forged}.${signature}`, key, now)).toBeNull()
    expect(verifyOAuthState(state, crypto.randomBytes(32), now)).toBeNull()
  })

  it("refuses garbage without throwing", () => {
    for (const garbage of ["", "abc", "a.b.c", "a.b"]) {
      expect(verifyOAuthState(garbage, key, now)).toBeNull()
    }
  })
})
