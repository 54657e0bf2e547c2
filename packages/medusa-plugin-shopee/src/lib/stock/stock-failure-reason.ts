/**
 * What a failed stock write means. Item-level failures concern one item (its promotion, its
 * models, the shop's settings for it) and say nothing about whether Shopee works: they never
 * trip the circuit breaker. System-level failures (timeouts, 5xx, auth, rate limits, anything
 * unrecognised at call level) say Shopee or our access to it is unwell: they do.
 *
 * `retry_can_help`: the same write, sent again later with nobody acting, may succeed. A
 * promotion ends by itself; the next plan re-reads the promotion reserve and writes at least
 * it; a holiday, a penalty, a warehouse setting or a restructured item needs a person.
 */

export type FailureLevel = "item" | "system"

export type StockFailure = {
  level: FailureLevel
  /** A short human label, stable enough to group exceptions by. */
  reason: string
  retry_can_help: boolean
  /** Shopee's own words, kept for the person reading the exception. */
  detail: string
}

/** Shopee's `failed_reason` wording varies by region and version: matched on the words that carry it. */
const ITEM_REASONS: { pattern: RegExp; reason: string; retry_can_help: boolean }[] = [
  // Before "promotion": a reserve can be a promotion's, and the fix is then a larger value, not waiting.
  { pattern: /reserved stock/i, reason: "less than reserved stock", retry_can_help: true },
  { pattern: /promotion/i, reason: "locked by promotion", retry_can_help: true },
  { pattern: /holiday/i, reason: "shop in holiday mode", retry_can_help: false },
  { pattern: /warehouse|location/i, reason: "warehouse location id required or invalid", retry_can_help: false },
  { pattern: /has models?\b/i, reason: "item has models: write its models, not the item", retry_can_help: false },
  { pattern: /penalty/i, reason: "shop under penalty", retry_can_help: false },
]

/** A reason from update_stock's `failure_list`: always item-level, recognised or not. */
export function classifyFailedReason(failedReason: string): StockFailure {
  const known = ITEM_REASONS.find((entry) => entry.pattern.test(failedReason))
  if (known) return { level: "item", reason: known.reason, retry_can_help: known.retry_can_help, detail: failedReason }
  // Shopee named this model and refused it: the item needs a look, Shopee itself answered.
  return { level: "item", reason: "refused by Shopee", retry_can_help: false, detail: failedReason }
}

/** A call-level error, as the shopee-client names its errors (`ShopeeTimeoutError`...). */
export type CallError = { name: string; message: string }

const SYSTEM_ERRORS: Record<string, { reason: string; retry_can_help: boolean }> = {
  ShopeeTimeoutError: { reason: "timeout", retry_can_help: true },
  ShopeeNetworkError: { reason: "network failure", retry_can_help: true },
  ShopeeServerError: { reason: "Shopee server error", retry_can_help: true },
  ShopeeRateLimitError: { reason: "rate limited", retry_can_help: true },
  ShopeeDailyLimitError: { reason: "daily API quota spent", retry_can_help: true },
  ShopeeAuthError: { reason: "authorization rejected", retry_can_help: false },
  ShopeeSignError: { reason: "signature rejected", retry_can_help: false },
}

/**
 * A call-level error whose message is an item-level reason (Shopee sometimes refuses the whole
 * call for the item's promotion or its models) is item-level; everything else is system-level.
 */
export function classifyCallError(error: CallError): StockFailure {
  const known = ITEM_REASONS.find((entry) => entry.pattern.test(error.message))
  if (known) return { level: "item", reason: known.reason, retry_can_help: known.retry_can_help, detail: error.message }
  const system = SYSTEM_ERRORS[error.name] ?? { reason: `unknown call error (${error.name})`, retry_can_help: true }
  return { level: "system", ...system, detail: error.message }
}
