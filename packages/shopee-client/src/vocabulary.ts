/**
 * Shopee's words for what it sends: order statuses and push codes. Every package of ours names
 * them from here (the simulator keeps its own copy, so that it can catch a client that gets
 * Shopee wrong). It imports nothing, so that a browser bundle (the Medusa admin) can take it
 * through `@shopee-medusa/shopee-client/vocabulary` without the Node-only client.
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

/**
 * Shopee's push codes as its push documentation names them, written to stand inside a sentence
 * ("webchat is not handled"); a heading capitalizes the first letter.
 */
export const PUSH_CODE_NAMES: Readonly<Record<number, string>> = {
  1: "shop authorization",
  2: "shop deauthorization",
  3: "order status update",
  4: "tracking number",
  5: "Shopee updates",
  6: "banned item",
  7: "item promotion",
  8: "reserved stock change",
  9: "promotion update",
  10: "webchat",
  11: "video upload",
  12: "authorization expiring",
  13: "brand register",
  15: "shipping document status",
}

/** A push code's name; a code Shopee has not documented is named by its number. */
export function pushCodeName(code: number | null | undefined): string {
  if (code === null || code === undefined) return "unknown code"
  return PUSH_CODE_NAMES[code] ?? `code ${code}`
}
