import { REFRESH_EXPIRY_WARNING_MS, refreshExpiryWarning } from "./refresh-expiry-warning"

const NOW = Date.parse("2026-11-30T12:00:00Z")
const token = (lapsesInMs: number) => ({ environment: "live" as const, shop_id: 700, refresh_expires_at: new Date(NOW + lapsesInMs) })

describe("refreshExpiryWarning", () => {
  it("says nothing while the refresh token lapses more than 7 days from now", () => {
    expect(refreshExpiryWarning(token(REFRESH_EXPIRY_WARNING_MS + 1), NOW)).toBeNull()
  })

  it("asks to reconnect when it lapses within 7 days, naming the day", () => {
    expect(refreshExpiryWarning(token(REFRESH_EXPIRY_WARNING_MS), NOW)).toEqual({
      payload_ref: "shop:700:refresh-expires:2026-12-07",
      message:
        "The live refresh token of shop 700 lapses on 2026-12-07; after that the connector cannot call Shopee for this shop. Reconnect the shop from the Shopee page.",
    })
  })

  it("says a lapsed one lapsed", () => {
    expect(refreshExpiryWarning(token(-60_000), NOW)!.message).toContain("lapsed on 2026-11-30")
  })
})
