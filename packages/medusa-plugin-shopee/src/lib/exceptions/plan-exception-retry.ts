import { ORDER_EXCEPTION_KINDS } from "../../modules/shopee/exceptions/vocabulary"
import type { ShopeeEnvironment } from "../../modules/shopee/environments"

/** Kinds whose `payload_ref` is an order_sn and whose retry is syncing that order again. */
const ORDER_KINDS = new Set<string>(ORDER_EXCEPTION_KINDS)
/** What retrying the other retryable kinds runs: the push's replay, the token refresh, the shipment's arrangement, the label. */
const RUN_BY_KIND: Record<string, "replay_push" | "refresh_tokens" | "arrange_shipment" | "request_label"> = {
  push_processing_failed: "replay_push",
  token_refresh_failed: "refresh_tokens",
  shipment_deferred: "arrange_shipment",
  label_failed: "request_label",
}
/** Kinds a retry can act on; the rest need a person (reconnect a shop, fix a key, handle a return). */
export const RETRYABLE_KINDS = new Set([...ORDER_KINDS, ...Object.keys(RUN_BY_KIND)])

export type RetryOutcome = { status: "done" | "failed"; message: string }

export type ExceptionRetry =
  | {
      run: "sync_order" | "replay_push" | "refresh_tokens" | "arrange_shipment" | "request_label"
      environment: ShopeeEnvironment
      ref: string
    }
  | { refuse: "not_found" | "not_allowed"; message: string }

type ExceptionRow = { id: string; kind: string; status: string; environment: ShopeeEnvironment | null; payload_ref: string | null }

/** What retrying an exception runs again, or why it cannot be retried. */
export function planExceptionRetry(id: string, exception: ExceptionRow | undefined): ExceptionRetry {
  if (!exception) return { refuse: "not_found", message: `Exception ${id} was not found` }
  if (exception.status === "resolved") return { refuse: "not_allowed", message: `Exception ${id} is already resolved` }
  if (!RETRYABLE_KINDS.has(exception.kind) || !exception.environment || !exception.payload_ref) {
    return {
      refuse: "not_allowed",
      message: `An exception of kind ${exception.kind} cannot be retried; resolve it once the cause is dealt with.`,
    }
  }
  const run = ORDER_KINDS.has(exception.kind) ? "sync_order" : RUN_BY_KIND[exception.kind]
  return { run, environment: exception.environment, ref: exception.payload_ref }
}
