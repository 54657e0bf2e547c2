/**
 * Shopee's words: order statuses, push codes and API regions. Every package of ours names them
 * from here (the simulator keeps its own copy, so that it can catch a client that gets Shopee
 * wrong). It imports nothing, so that a browser bundle (the Medusa admin) can take it through
 * `@shopee-medusa/shopee-client/vocabulary` without the Node-only client.
 *
 * "Push" and "event" name the same message at two layers, each word in one only:
 * - a push is what Shopee sends: its code, its body, its signature, the webhook that receives it
 *   and the dispatch by code (`receive-push`, `parse-push`, `push-dispatch`, `PUSH_CODES`);
 * - an event is the row the connector stores for each push (`shopee_raw_event`) and what is done
 *   with that row afterwards: the admin's Events page, its `/admin/shopee/events` routes, replay.
 */

/** Shopee's order statuses in the order an order goes through them. */
export const ORDER_STATUSES = [
  "UNPAID",
  "INVOICE_PENDING",
  "READY_TO_SHIP",
  "PROCESSED",
  "RETRY_SHIP",
  "SHIPPED",
  "TO_CONFIRM_RECEIVE",
  "IN_CANCEL",
  "CANCELLED",
  "TO_RETURN",
  "COMPLETED",
] as const

export type OrderStatus = (typeof ORDER_STATUSES)[number]

/** Shopee's push codes, by what they announce. */
export const PUSH_CODES = {
  SHOP_AUTHORIZATION: 1,
  SHOP_DEAUTHORIZATION: 2,
  ORDER_STATUS_UPDATE: 3,
  TRACKING_NUMBER: 4,
  SHOPEE_UPDATES: 5,
  BANNED_ITEM: 6,
  ITEM_PROMOTION: 7,
  RESERVED_STOCK_CHANGE: 8,
  PROMOTION_UPDATE: 9,
  WEBCHAT: 10,
  VIDEO_UPLOAD: 11,
  AUTHORIZATION_EXPIRING: 12,
  BRAND_REGISTER: 13,
  SHIPPING_DOCUMENT_STATUS: 15,
  ITEM_VIOLATION: 16,
} as const

export type PushCode = (typeof PUSH_CODES)[keyof typeof PUSH_CODES]

/**
 * The codes' names as Shopee's push documentation gives them, written to stand inside a
 * sentence ("webchat is not handled"); a heading capitalizes the first letter.
 */
const PUSH_CODE_NAMES: Readonly<Record<PushCode, string>> = {
  [PUSH_CODES.SHOP_AUTHORIZATION]: "shop authorization",
  [PUSH_CODES.SHOP_DEAUTHORIZATION]: "shop deauthorization",
  [PUSH_CODES.ORDER_STATUS_UPDATE]: "order status update",
  [PUSH_CODES.TRACKING_NUMBER]: "tracking number",
  [PUSH_CODES.SHOPEE_UPDATES]: "Shopee updates",
  [PUSH_CODES.BANNED_ITEM]: "banned item",
  [PUSH_CODES.ITEM_PROMOTION]: "item promotion",
  [PUSH_CODES.RESERVED_STOCK_CHANGE]: "reserved stock change",
  [PUSH_CODES.PROMOTION_UPDATE]: "promotion update",
  [PUSH_CODES.WEBCHAT]: "webchat",
  [PUSH_CODES.VIDEO_UPLOAD]: "video upload",
  [PUSH_CODES.AUTHORIZATION_EXPIRING]: "authorization expiring",
  [PUSH_CODES.BRAND_REGISTER]: "brand register",
  [PUSH_CODES.SHIPPING_DOCUMENT_STATUS]: "shipping document status",
  [PUSH_CODES.ITEM_VIOLATION]: "item violation",
}

/** A push code's name; a code Shopee has not documented is named by its number. */
export function pushCodeName(code: number | null | undefined): string {
  if (code === null || code === undefined) return "unknown code"
  return (PUSH_CODE_NAMES as Record<number, string>)[code] ?? `code ${code}`
}

/** The regions Shopee serves Open Platform v2 from (`SHOPEE_HOSTS` has their hosts). */
export const SHOPEE_REGIONS = ["GLOBAL", "CHINA", "BRAZIL", "TEST_GLOBAL", "TEST_CHINA"] as const

export type ShopeeRegion = (typeof SHOPEE_REGIONS)[number]

/** The ways `ship_order` arranges a shipment; `get_shipping_parameter`'s `info_needed` names those an order's channel offers. */
export const SHIPPING_MODES = ["pickup", "dropoff", "non_integrated"] as const
export type ShippingMode = (typeof SHIPPING_MODES)[number]

/** The flag Shopee puts on the pickup time slot it recommends. */
export const RECOMMENDED_PICKUP_SLOT_FLAG = "recommended"

/** Air waybill types Shopee names; `get_shipping_document_parameter` says which a package may use and suggests one. */
export const SHIPPING_DOCUMENT_TYPES = [
  "NORMAL_AIR_WAYBILL",
  "THERMAL_AIR_WAYBILL",
  "NORMAL_JOB_AIR_WAYBILL",
  "THERMAL_JOB_AIR_WAYBILL",
] as const
export type ShippingDocumentType = (typeof SHIPPING_DOCUMENT_TYPES)[number]

/** Where a created shipping document stands (`get_shipping_document_result`, push 15's `status`). */
export const SHIPPING_DOCUMENT_STATUSES = ["PROCESSING", "READY", "FAILED"] as const
export type ShippingDocumentStatus = (typeof SHIPPING_DOCUMENT_STATUSES)[number]

/**
 * What a refusal of `get_shipping_parameter` or `ship_order` means, by Shopee's error and message
 * (several refusals share `logistics.error_param` and differ only by message):
 * - `being_allocated`: the channel is still being chosen; try again later;
 * - `no_time_slot`: the carrier offers no pickup slot now; try again later;
 * - `already_shipped`: the shipment is already arranged; a repeated `ship_order` is done;
 * - `order_cancelled`: cancelled, or a cancellation is asked for: never ship it;
 * - `not_ready`: the order's status does not allow shipping (unpaid, or past it).
 */
export type LogisticsRefusal = "being_allocated" | "no_time_slot" | "already_shipped" | "order_cancelled" | "not_ready"

export function logisticsRefusalOf(failure: { error: string; message: string }): LogisticsRefusal | null {
  const { error, message } = failure
  if (/being allocated/i.test(message)) return "being_allocated"
  if (error === "logistics.no_available_time_slot") return "no_time_slot"
  if (error === "logistics.error_param" && /has been shipped/i.test(message)) return "already_shipped"
  if ((error === "error_status" && /cancel/i.test(message)) || error === "logistics.error_order_state") return "order_cancelled"
  if (/not ready to ship|can only be obtained when package is ready/i.test(message)) return "not_ready"
  return null
}
