import { ORDER_STATUSES, type OrderStatus } from "@shopee-medusa/shopee-client/vocabulary"

/**
 * How far along an order is, as Medusa can reflect it: Shopee has more statuses than Medusa
 * has states, so several map to one stage. IN_CANCEL and TO_RETURN are recorded but change
 * nothing until Shopee decides (CANCELLED, or back to the flow).
 */
export type OrderStage = "unpaid" | "paid" | "shipped" | "completed" | "cancelled" | "unchanged"

/**
 * Every status of the vocabulary has its stage (the type refuses a missing one). INVOICE_PENDING
 * (Brazil) comes after payment, while the seller issues the invoice and before READY_TO_SHIP.
 */
const STAGE_BY_STATUS: Record<OrderStatus, OrderStage> = {
  UNPAID: "unpaid",
  INVOICE_PENDING: "paid",
  READY_TO_SHIP: "paid",
  PROCESSED: "paid",
  RETRY_SHIP: "paid",
  SHIPPED: "shipped",
  TO_CONFIRM_RECEIVE: "shipped",
  COMPLETED: "completed",
  CANCELLED: "cancelled",
  IN_CANCEL: "unchanged",
  TO_RETURN: "unchanged",
}

/** A status Shopee may add later, unknown to the vocabulary, changes nothing until it is mapped. */
export function stageOf(status: string): OrderStage {
  return (ORDER_STATUSES as readonly string[]).includes(status) ? STAGE_BY_STATUS[status as OrderStatus] : "unchanged"
}

/** Whether Shopee holds the buyer's money for an order in this status. */
export function isPaidStatus(status: string): boolean {
  const stage = stageOf(status)
  return stage === "paid" || stage === "shipped" || stage === "completed"
}
