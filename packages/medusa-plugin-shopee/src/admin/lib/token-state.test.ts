import { formatDuration, tokenBadge } from "./token-state"

const NOW = Date.parse("2026-05-15T10:00:00Z")
const inMinutes = (minutes: number) => new Date(NOW + minutes * 60_000).toISOString()
const token = (state: "none" | "connected" | "expired", accessExpiresAt: string | null) => ({
  state,
  access_expires_at: accessExpiresAt,
  refresh_expires_at: null,
  last_refreshed_at: null,
  shop_id: state === "none" ? null : 1,
})

describe("tokenBadge", () => {
  it("counts down a connected token in hours and minutes", () => {
    expect(tokenBadge(token("connected", inMinutes(192)), NOW)).toEqual({
      label: {
        key: "shopee.token.expiresIn",
        params: { duration: { key: "shopee.duration.hoursMinutes", params: { hours: 3, minutes: 12 } } },
      },
      color: "green",
    })
  })

  it("shows an expired token, a missing one, and one whose refresh is due", () => {
    expect(tokenBadge(token("expired", null), NOW)).toEqual({ label: { key: "shopee.token.expired" }, color: "red" })
    expect(tokenBadge(token("none", null), NOW).label.key).toBe("shopee.token.none")
    expect(tokenBadge(token("connected", inMinutes(-5)), NOW).label.key).toBe("shopee.token.refreshDue")
  })

  it("reads a server that does not report tokens as having none", () => {
    expect(tokenBadge(undefined, NOW)).toEqual({ label: { key: "shopee.token.none" }, color: "grey" })
  })
})

describe("formatDuration", () => {
  it("uses days for long spans and minutes for short ones", () => {
    expect(formatDuration(29 * 24 * 3_600_000 + 5 * 3_600_000)).toEqual({
      key: "shopee.duration.daysHours",
      params: { days: 29, hours: 5 },
    })
    expect(formatDuration(3 * 24 * 3_600_000)).toEqual({ key: "shopee.duration.days", params: { days: 3 } })
    expect(formatDuration(12 * 60_000 + 59_000)).toEqual({ key: "shopee.duration.minutes", params: { minutes: 12 } })
    expect(formatDuration(2 * 3_600_000)).toEqual({ key: "shopee.duration.hours", params: { hours: 2 } })
    expect(formatDuration(20_000)).toEqual({ key: "shopee.duration.underMinute" })
  })
})
