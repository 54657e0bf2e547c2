import type { TokenState } from "./types"

export type TokenBadgeState = { label: string; color: "green" | "red" | "grey" }

/** "3 h 12 min", "2 d 4 h", "12 min": precise enough to know whether a refresh is near. */
export function formatDuration(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000))
  if (minutes < 1) return "less than a minute"
  const days = Math.floor(minutes / 1440)
  const hours = Math.floor((minutes % 1440) / 60)
  const rest = minutes % 60
  if (days > 0) return hours > 0 ? `${days} d ${hours} h` : `${days} d`
  if (hours > 0) return rest > 0 ? `${hours} h ${rest} min` : `${hours} h`
  return `${rest} min`
}

/**
 * The badge for an environment's shop authorization. A server that does not report tokens yet
 * has none to report, so a missing state reads as "No token".
 */
export function tokenBadge(token: TokenState | undefined, now: number = Date.now()): TokenBadgeState {
  if (!token || token.state === "none") return { label: "No token", color: "grey" }
  if (token.state === "expired") return { label: "Expired", color: "red" }
  if (!token.access_expires_at) return { label: "Connected", color: "green" }
  const remaining = new Date(token.access_expires_at).getTime() - now
  // The server refreshes ahead of expiry; a past expiry here only means the page is older than the token.
  if (remaining <= 0) return { label: "Connected, refresh due", color: "green" }
  return { label: `Connected, expires in ${formatDuration(remaining)}`, color: "green" }
}
