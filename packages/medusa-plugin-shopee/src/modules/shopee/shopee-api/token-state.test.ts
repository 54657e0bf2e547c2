import type { TokenRow } from "../tables"
import { tokenStateOf } from "./token-state"

const now = Date.UTC(2026, 0, 10)
const row = (refreshExpiresAt: number) =>
  ({
    shop_id: "700001",
    access_expires_at: new Date(now - 60_000),
    refresh_expires_at: new Date(refreshExpiresAt),
    last_refreshed_at: null,
  }) as TokenRow

describe("tokenStateOf", () => {
  it("is none without tokens, naming the profile's shop if it has one", () => {
    expect(tokenStateOf(undefined, "700001", now)).toMatchObject({ state: "none", shop_id: 700001 })
    expect(tokenStateOf(undefined, null, now)).toMatchObject({ state: "none", shop_id: null })
  })

  it("stays connected while only the access token has lapsed: it is refreshed", () => {
    expect(tokenStateOf(row(now + 1000), "700001", now)).toMatchObject({ state: "connected", shop_id: 700001 })
  })

  it("is expired once the refresh token has lapsed: the shop must be reconnected", () => {
    expect(tokenStateOf(row(now), "700001", now).state).toEqual("expired")
  })
})
