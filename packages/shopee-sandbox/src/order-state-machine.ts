import type { OrderStatus } from "./model.js"

/**
 * Shopee's order statuses and the moves between them. IN_CANCEL may also go back to the
 * status it came from (the seller rejects the buyer's cancellation); that move is checked
 * against the order's remembered status, not listed here.
 */
const TRANSITIONS: Record<OrderStatus, readonly OrderStatus[]> = {
  // A buyer asks to cancel (IN_CANCEL) only once paid; an unpaid order is cancelled outright.
  UNPAID: ["READY_TO_SHIP", "INVOICE_PENDING", "CANCELLED"],
  INVOICE_PENDING: ["READY_TO_SHIP", "IN_CANCEL", "CANCELLED"],
  READY_TO_SHIP: ["PROCESSED", "IN_CANCEL", "CANCELLED"],
  PROCESSED: ["SHIPPED", "RETRY_SHIP", "IN_CANCEL", "CANCELLED"],
  RETRY_SHIP: ["PROCESSED", "SHIPPED", "CANCELLED"],
  SHIPPED: ["TO_CONFIRM_RECEIVE", "TO_RETURN"],
  TO_CONFIRM_RECEIVE: ["COMPLETED", "TO_RETURN"],
  IN_CANCEL: ["CANCELLED"],
  TO_RETURN: ["COMPLETED"],
  CANCELLED: [],
  COMPLETED: [],
}

/** The happy path the console's "advance" button follows. */
const NEXT_ON_HAPPY_PATH: Partial<Record<OrderStatus, OrderStatus>> = {
  UNPAID: "READY_TO_SHIP",
  INVOICE_PENDING: "READY_TO_SHIP",
  READY_TO_SHIP: "PROCESSED",
  PROCESSED: "SHIPPED",
  RETRY_SHIP: "SHIPPED",
  SHIPPED: "TO_CONFIRM_RECEIVE",
  TO_CONFIRM_RECEIVE: "COMPLETED",
  TO_RETURN: "COMPLETED",
}

export function canTransition(from: OrderStatus, to: OrderStatus, statusBeforeCancel: OrderStatus | null): boolean {
  if (from === "IN_CANCEL" && to === statusBeforeCancel) return true
  return TRANSITIONS[from].includes(to)
}

/** Brazil's orders wait for the seller's invoice once paid (INVOICE_PENDING); other regions' do not. */
const INVOICE_REGIONS: readonly string[] = ["BR"]

export function nextStatus(from: OrderStatus, region: string): OrderStatus | undefined {
  if (from === "UNPAID" && INVOICE_REGIONS.includes(region)) return "INVOICE_PENDING"
  return NEXT_ON_HAPPY_PATH[from]
}

/**
 * Where "cancel" leads: straight to CANCELLED before shipping starts, else a buyer request.
 * Asking for IN_CANCEL on an unpaid order names a move the transition then refuses.
 */
export function cancelTarget(from: OrderStatus, viaInCancel: boolean): OrderStatus | undefined {
  if (from === "IN_CANCEL") return "CANCELLED"
  if (from === "UNPAID" || from === "INVOICE_PENDING" || from === "READY_TO_SHIP") return viaInCancel ? "IN_CANCEL" : "CANCELLED"
  if (from === "PROCESSED") return "IN_CANCEL"
  return undefined
}

export function isTerminal(status: OrderStatus): boolean {
  return TRANSITIONS[status].length === 0
}
