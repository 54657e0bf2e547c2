import { PUSH_CODES, pushCodeName } from "@shopee-medusa/shopee-client"

export type PushAction =
  | { action: "order"; reason: string }
  | { action: "stock"; reason: string }
  | { action: "label"; reason: string }
  | { action: "reconnect"; kind: "shop_deauthorized" | "authorization_expiring"; reason: string }
  | { action: "ignore"; reason: string }

/**
 * What the connector does with a stored push, by its code. A push is only a notice: order
 * pushes lead to fetching the order; stock and item pushes to re-planning the stock of the
 * item's models; a shipping document push to reading the order's label (and storing it when
 * ready); authorization notices ask a person to reconnect; the
 * rest is recorded as ignored, with the reason, so that nothing looks silently dropped.
 */
export function dispatchPush(code: number | null, shopId: string | null): PushAction {
  switch (code) {
    case PUSH_CODES.ORDER_STATUS_UPDATE:
    case PUSH_CODES.TRACKING_NUMBER:
      return { action: "order", reason: `${pushCodeName(code)}: fetch the order from Shopee` }
    case PUSH_CODES.SHIPPING_DOCUMENT_STATUS:
      return { action: "label", reason: `${pushCodeName(code)}: read the order's label and store it when ready` }
    case PUSH_CODES.ITEM_PROMOTION:
    case PUSH_CODES.RESERVED_STOCK_CHANGE:
    case PUSH_CODES.PROMOTION_UPDATE:
    case PUSH_CODES.ITEM_VIOLATION:
      return { action: "stock", reason: `${pushCodeName(code)}: re-plan the item's stock` }
    case PUSH_CODES.SHOP_AUTHORIZATION:
      return { action: "ignore", reason: "Shop authorization noticed; its tokens come from the OAuth callback" }
    case PUSH_CODES.SHOP_DEAUTHORIZATION:
      return {
        action: "reconnect",
        kind: "shop_deauthorized",
        reason: `Shopee reports that the authorization${shopId ? ` of shop ${shopId}` : ""} was cancelled. Reconnect the shop from the Shopee page.`,
      }
    case PUSH_CODES.AUTHORIZATION_EXPIRING:
      return {
        action: "reconnect",
        kind: "authorization_expiring",
        reason: "Shopee reports that the shop authorization expires within 7 days. Reconnect the shop from the Shopee page.",
      }
    default:
      return { action: "ignore", reason: `${pushCodeName(code)} is not handled by the connector` }
  }
}

/** The processing columns of a verified push as it is stored. */
export type ArrivalStatus =
  | { status: "ignored"; processed: true; status_reason: string; attempts: 1 }
  | { status: "pending"; processed: false; status_reason: null; attempts: 0 }

/**
 * A push the connector never acts on (webchat, video uploads, …) is settled as it is stored,
 * with the reason: nothing is left for a worker to take up, so a burst of them never queues
 * ahead of the order pushes. Every other push waits, pending, for its processing.
 */
export function statusOnArrival(action: PushAction): ArrivalStatus {
  return action.action === "ignore"
    ? { status: "ignored", processed: true, status_reason: action.reason, attempts: 1 }
    : { status: "pending", processed: false, status_reason: null, attempts: 0 }
}
