import type { UpdateStockOutcome } from "./update-stock-result"

/**
 * Disarms the stock writer when Shopee keeps failing, so that a broken token or an outage does
 * not become hours of failing writes (Shopee expects a daily API success rate of at least 90 %).
 * The count runs across runs and is stored by the caller. Only system-level failures count: an
 * item locked by a promotion says nothing about Shopee's health. Any success resets the count.
 * A disarmed breaker stays disarmed until a person re-arms the writer.
 */

export const BREAKER_THRESHOLD = 5

export type BreakerState = {
  consecutive_system_failures: number
  disarmed: boolean
  /** Why it disarmed, for the person who re-arms it; null while armed. */
  reason: string | null
}

export type BreakerEvent = { kind: "success" } | { kind: "item_failure" } | { kind: "system_failure"; reason: string }

export const ARMED: BreakerState = { consecutive_system_failures: 0, disarmed: false, reason: null }

/** Events in the order they happened; the state after them. */
export function recordBreakerEvents(state: BreakerState, events: BreakerEvent[], threshold = BREAKER_THRESHOLD): BreakerState {
  let next = state
  for (const event of events) {
    if (next.disarmed) return next
    if (event.kind === "success") next = ARMED
    else if (event.kind === "system_failure") {
      const count = next.consecutive_system_failures + 1
      next =
        count >= threshold
          ? { consecutive_system_failures: count, disarmed: true, reason: `${count} system failures in a row, the last: ${event.reason}` }
          : { consecutive_system_failures: count, disarmed: false, reason: null }
    }
  }
  return next
}

/**
 * One event per update_stock call, so that a timeout failing the 50 models of one call counts
 * once. A call that wrote any model shows Shopee working, even beside errors.
 */
export function breakerEventOfCall(outcomes: UpdateStockOutcome[]): BreakerEvent {
  if (outcomes.some((outcome) => outcome.status === "written")) return { kind: "success" }
  for (const outcome of outcomes) {
    if (outcome.status === "failed" && outcome.failure.level === "system") {
      return { kind: "system_failure", reason: outcome.failure.reason }
    }
  }
  return { kind: "item_failure" }
}
