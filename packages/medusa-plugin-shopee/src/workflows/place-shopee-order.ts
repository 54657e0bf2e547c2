import { EventPriority, OrderWorkflowEvents, ReservationItemWorkflowEvents } from "@medusajs/framework/utils"
import { createWorkflow, transform, WorkflowResponse, type WorkflowData } from "@medusajs/framework/workflows-sdk"
import {
  convertDraftOrderStep,
  createOrderWorkflow,
  emitEventStep,
  reserveInventoryStep,
  updateOrderTaxLinesWorkflow,
} from "@medusajs/medusa/core-flows"
import type { MedusaContainer } from "@medusajs/framework/types"
import type { PlaceShopeeOrder, PlaceShopeeOrderInput } from "../lib/orders/create-order-from-shopee"
import { planShopeeOrderReservationsStep } from "./steps/plan-shopee-order-reservations"

export const placeShopeeOrderWorkflowId = "place-shopee-order"

/**
 * Places a Shopee order in Medusa from Medusa's own steps, as its draft-order conversion does:
 * the order is created as a draft, its tax lines settled, its stock reserved at the Shopee
 * channel's location, and only then is it placed (`order.placed` emitted). Which reservations are
 * backorders was decided beforehand from the stock available (`planStockCover`): Shopee has
 * sold the order whether or not Medusa's stock covers it. A failing step compensates the ones
 * before it (the reservations deleted, the order deleted); a crash leaves at most an unplaced
 * draft, which the next import discards (`planOrderCreation`).
 */
export const placeShopeeOrderWorkflow = createWorkflow(placeShopeeOrderWorkflowId, (input: WorkflowData<PlaceShopeeOrderInput>) => {
  const draft = createOrderWorkflow.runAsStep({ input: input.order })
  updateOrderTaxLinesWorkflow.runAsStep({ input: { order_id: draft.id } })
  const reservations = planShopeeOrderReservationsStep({ order_id: draft.id, location_id: input.location_id, stock: input.stock })
  const reserved = reserveInventoryStep({ items: reservations })
  const reservationEvents = transform({ reserved, draft }, ({ reserved, draft }) =>
    (reserved ?? []).map((reservation) => ({ id: reservation.id, order_id: draft.id }))
  )
  emitEventStep({ eventName: ReservationItemWorkflowEvents.CREATED, data: reservationEvents }).config({
    name: "emit-shopee-order-reservations",
  })
  const placed = convertDraftOrderStep({ id: draft.id })
  emitEventStep({
    eventName: OrderWorkflowEvents.PLACED,
    data: { id: placed.id },
    options: { priority: EventPriority.CRITICAL },
  }).config({ name: "emit-shopee-order-placed" })
  return new WorkflowResponse({ order_id: placed.id })
})

/** The workflow as `syncShopeeOrder` takes it: lib code runs it without importing it. */
export function placeShopeeOrderWith(container: MedusaContainer): PlaceShopeeOrder {
  return async (input) => (await placeShopeeOrderWorkflow(container).run({ input })).result
}
