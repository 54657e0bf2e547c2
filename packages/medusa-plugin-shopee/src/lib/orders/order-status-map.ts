/**
 * How far along an order is, as Medusa can reflect it: Shopee has more statuses than Medusa
 * has states, so several map to one stage. IN_CANCEL and TO_RETURN are recorded but change
 * nothing until Shopee decides (CANCELLED, or back to the flow).
 */
export type OrderStage = "unpaid" | "paid" | "shipped" | "completed" | "cancelled" | "unchanged"

const STAGE_BY_STATUS: Record<string, OrderStage> = {
  UNPAID: "unpaid",
  READY_TO_SHIP: "paid",
  PROCESSED: "paid",
  RETRY_SHIP: "paid",
  INVOICE_PENDING: "paid",
  SHIPPED: "shipped",
  TO_CONFIRM_RECEIVE: "shipped",
  COMPLETED: "completed",
  CANCELLED: "cancelled",
  IN_CANCEL: "unchanged",
  TO_RETURN: "unchanged",
}

export function stageOf(status: string): OrderStage {
  return STAGE_BY_STATUS[status] ?? "unchanged"
}

/** Whether Shopee holds the buyer's money for an order in this status. */
export function isPaidStatus(status: string): boolean {
  const stage = stageOf(status)
  return stage === "paid" || stage === "shipped" || stage === "completed"
}
