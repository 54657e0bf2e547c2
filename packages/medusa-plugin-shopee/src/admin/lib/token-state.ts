import type { TextKey } from "./translate"
import type { TokenState } from "./types"

export type TokenBadgeState = { label: TextKey; color: "green" | "red" | "grey" }

/** "3 h 12 min", "2 d 4 h", "12 min" as a key and its numbers: precise enough to know whether a refresh is near. */
export function formatDuration(ms: number): TextKey {
  const minutes = Math.max(0, Math.floor(ms / 60_000))
  if (minutes < 1) return { key: "shopee.duration.underMinute" }
  const days = Math.floor(minutes / 1440)
  const hours = Math.floor((minutes % 1440) / 60)
  const rest = minutes % 60
  if (days > 0)
    return hours > 0 ? { key: "shopee.duration.daysHours", params: { days, hours } } : { key: "shopee.duration.days", params: { days } }
  if (hours > 0) {
    return rest > 0
      ? { key: "shopee.duration.hoursMinutes", params: { hours, minutes: rest } }
      : { key: "shopee.duration.hours", params: { hours } }
  }
  return { key: "shopee.duration.minutes", params: { minutes: rest } }
}

/**
 * The badge for an environment's shop authorization. A server that does not report tokens yet
 * has none to report, so a missing state reads as "No token".
 */
export function tokenBadge(token: TokenState | undefined, now: number = Date.now()): TokenBadgeState {
  if (!token || token.state === "none") return { label: { key: "shopee.token.none" }, color: "grey" }
  if (token.state === "expired") return { label: { key: "shopee.token.expired" }, color: "red" }
  if (!token.access_expires_at) return { label: { key: "shopee.token.connected" }, color: "green" }
  const remaining = new Date(token.access_expires_at).getTime() - now
  // The server refreshes ahead of expiry; a past expiry here only means the page is older than the token.
  if (remaining <= 0) return { label: { key: "shopee.token.refreshDue" }, color: "green" }
  return { label: { key: "shopee.token.expiresIn", params: { duration: formatDuration(remaining) } }, color: "green" }
}
