import type { ShopeeEnvironment } from "../../modules/shopee/environments"
import { dispatchPush } from "../../modules/shopee/pushes/push-dispatch"
import type { OrderSyncReport } from "../orders/sync-summary"

/** A stored push, as the module recorded it when it arrived (its fields parsed then). */
export type StoredPush = {
  id: string
  environment: ShopeeEnvironment
  code: number | null
  shop_id: string | null
  order_sn: string | null
  status: string
  /** Code 4 only: the tracking number the push carries (`data.tracking_no`). */
  tracking_number: string | null
  /** Stock and item pushes only: the body, which says which item and what changed. */
  stock_body: string | null
}

export type PushHandling =
  | { act: "skip"; reason: string }
  | { act: "ignore"; reason: string }
  | { act: "reconnect"; kind: "shop_deauthorized" | "authorization_expiring"; reason: string }
  | { act: "sync_order"; order_sn: string; tracking_number: string | null }
  | { act: "stock"; body: string }
  | { act: "label"; order_sn: string }

/** The push's row as processing reads it; what the module does not record is read from the body. */
export function storedPushOf(row: Omit<StoredPush, "tracking_number" | "stock_body"> & { raw_body: string }): StoredPush {
  return {
    id: row.id,
    environment: row.environment,
    code: row.code,
    shop_id: row.shop_id,
    order_sn: row.order_sn,
    status: row.status,
    tracking_number: row.code === 4 ? trackingNumberOfPush(row.raw_body) : null,
    stock_body: dispatchPush(row.code, row.shop_id).action === "stock" ? row.raw_body : null,
  }
}

/** Code 4 pushes carry the tracking number itself (`tracking_no`). */
function trackingNumberOfPush(rawBody: string): string | null {
  try {
    const data = JSON.parse(rawBody)?.data
    return typeof data?.tracking_no === "string" && data.tracking_no ? data.tracking_no : null
  } catch {
    return null
  }
}

/**
 * What to do with a stored push. Only a pending or failed push is acted on, so a repeated
 * delivery of the same event id changes nothing; then the push's code decides (`dispatchPush`).
 */
export function planPushHandling(push: StoredPush | null): PushHandling {
  if (!push) return { act: "skip", reason: "No such event" }
  if (push.status !== "pending" && push.status !== "failed") return { act: "skip", reason: `Already ${push.status}` }
  const action = dispatchPush(push.code, push.shop_id)
  switch (action.action) {
    case "reconnect":
      return { act: "reconnect", kind: action.kind, reason: action.reason }
    case "stock":
      return push.stock_body !== null ? { act: "stock", body: push.stock_body } : { act: "ignore", reason: "The push has no body" }
    case "label":
      return push.order_sn ? { act: "label", order_sn: push.order_sn } : { act: "ignore", reason: "The push names no order" }
    case "order":
      return push.order_sn
        ? { act: "sync_order", order_sn: push.order_sn, tracking_number: push.tracking_number }
        : { act: "ignore", reason: "The push names no order" }
    default:
      return { act: "ignore", reason: action.reason }
  }
}

export type PushOutcome = { event_id: string; status: "processed" | "ignored" | "failed" | "skipped"; reason: string }

/**
 * What an order push's event records from its order's sync. A failed sync fails the event; the
 * order's own exception carries the retries.
 */
export function pushOutcomeOfOrderSync(
  eventId: string,
  orderSn: string,
  report: OrderSyncReport | undefined
): PushOutcome & { status: "processed" | "failed"; error?: string } {
  if (!report || report.outcome === "failed") {
    const error = report?.reason ?? "the sync reported nothing for it"
    return { event_id: eventId, status: "failed", reason: `Order ${orderSn} could not be synced: ${error}`, error }
  }
  return { event_id: eventId, status: "processed", reason: `Order ${orderSn}: ${report.outcome}` }
}

/** What a push answered by another push's fetch of its order records: which push, and what that fetch did. */
export function answeredReason(byEventId: string, outcomeReason: string): string {
  return `${outcomeReason} (fetched for push ${byEventId}, after this one arrived)`
}
