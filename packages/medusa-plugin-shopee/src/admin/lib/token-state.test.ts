import { formatDuration, tokenBadge } from "./token-state"

const NOW = Date.parse("2026-05-15T10:00:00Z")
const inMinutes = (minutes: number) => new Date(NOW + minutes * 60_000).toISOString()

describe("tokenBadge", () => {
  it("counts down a connected token in hours and minutes", () => {
    const token = {
      state: "connected" as const,
      access_expires_at: inMinutes(192),
      refresh_expires_at: null,
      last_refreshed_at: null,
      shop_id: 1,
    }
    expect(tokenBadge(token, NOW)).toEqual({ label: "Connected, expires in 3 h 12 min", color: "green" })
  })

  it("shows an expired token and a missing one", () => {
    expect(
      tokenBadge({ state: "expired", access_expires_at: null, refresh_expires_at: null, last_refreshed_at: null, shop_id: 1 }, NOW).label
    ).toBe("Expired")
    expect(
      tokenBadge({ state: "none", access_expires_at: null, refresh_expires_at: null, last_refreshed_at: null, shop_id: null }, NOW).label
    ).toBe("No token")
  })

  it("reads a server that does not report tokens as having none", () => {
    expect(tokenBadge(undefined, NOW)).toEqual({ label: "No token", color: "grey" })
  })
})

describe("formatDuration", () => {
  it("uses days for long spans and minutes for short ones", () => {
    expect(formatDuration(29 * 24 * 3_600_000 + 5 * 3_600_000)).toBe("29 d 5 h")
    expect(formatDuration(12 * 60_000 + 59_000)).toBe("12 min")
    expect(formatDuration(2 * 3_600_000)).toBe("2 h")
    expect(formatDuration(20_000)).toBe("less than a minute")
  })
})
