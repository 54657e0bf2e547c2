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

const RANK: Record<Exclude<OrderStage, "cancelled" | "unchanged">, number> = { unpaid: 0, paid: 1, shipped: 2, completed: 3 }

export function stageOf(status: string): OrderStage {
  return STAGE_BY_STATUS[status] ?? "unchanged"
}

export type OrderAction = "mark_paid" | "ship" | "complete" | "cancel"

/**
 * What must happen in Medusa to follow an order from what has been applied to Shopee's new
 * status: every step it skipped, in order (an order seen first as COMPLETED is paid, shipped
 * and completed), nothing backwards, and a cancellation only while nothing has shipped.
 */
export function planOrderActions(applied: { paid: boolean; shipped: boolean; completed: boolean; cancelled: boolean }, status: string): OrderAction[] {
  if (applied.cancelled || applied.completed) return []
  const stage = stageOf(status)
  if (stage === "unchanged" || stage === "unpaid") return []
  if (stage === "cancelled") return ["cancel"]
  const target = RANK[stage]
  const actions: OrderAction[] = []
  if (target >= RANK.paid && !applied.paid) actions.push("mark_paid")
  if (target >= RANK.shipped && !applied.shipped) actions.push("ship")
  if (target >= RANK.completed) actions.push("complete")
  return actions
}

/** Whether Shopee holds the buyer's money for an order in this status. */
export function isPaidStatus(status: string): boolean {
  const stage = stageOf(status)
  return stage === "paid" || stage === "shipped" || stage === "completed"
}
