import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import {
  cancelOrderFulfillmentWorkflow,
  cancelOrderWorkflow,
  completeOrderWorkflow,
  createOrderFulfillmentWorkflow,
  createOrderPaymentCollectionWorkflow,
  createOrderShipmentWorkflow,
  markOrderFulfillmentAsDeliveredWorkflow,
  markPaymentCollectionAsPaid,
} from "@medusajs/medusa/core-flows"
import { shipmentLabels, type ShipmentLabel } from "../fulfilment/fulfilment-label"
import type { AppliedState, OrderAction } from "./plan-order-sync"

type OrderState = {
  id: string
  status: string
  total: number
  items: { id: string; quantity: number }[]
  payment_collections: { id: string; status: string }[]
  fulfillments: {
    id: string
    shipped_at: Date | null
    delivered_at: Date | null
    canceled_at: Date | null
    labels: ShipmentLabel[]
  }[]
}

/** What has already happened to the Medusa order, read from Medusa itself (not remembered). */
export async function readAppliedState(container: MedusaContainer, orderId: string): Promise<{ order: OrderState; applied: AppliedState }> {
  const order = await loadOrder(container, orderId)
  const live = order.fulfillments.filter((fulfillment) => !fulfillment.canceled_at)
  return {
    order,
    applied: {
      paid: order.payment_collections.some((collection) => collection.status === "completed" || collection.status === "authorized"),
      shipped: live.some((fulfillment) => !!fulfillment.shipped_at),
      completed: order.status === "completed",
      cancelled: order.status === "canceled",
    },
  }
}

/**
 * Makes the Medusa order follow Shopee, one planned action at a time through Medusa's own workflows.
 * Each action checks the order's current state first, so a retry after a partial failure
 * picks up where the last attempt stopped.
 */
export async function applyOrderActions(
  container: MedusaContainer,
  orderId: string,
  actions: OrderAction[],
  trackingNumber: string | null
): Promise<void> {
  for (const action of actions) {
    const order = await loadOrder(container, orderId)
    switch (action) {
      case "mark_paid":
        await markPaid(container, order)
        break
      case "ship":
        await ship(container, order, trackingNumber)
        break
      case "complete":
        await complete(container, order)
        break
      case "cancel":
        await cancel(container, order)
        break
    }
  }
}

async function markPaid(container: MedusaContainer, order: OrderState) {
  if (order.payment_collections.some((collection) => collection.status === "completed")) return
  // Shopee holds the buyer's money: the order is paid outside Medusa, through the system provider.
  const existing = order.payment_collections.find((collection) => collection.status !== "canceled")
  const collectionId =
    existing?.id ??
    (await createOrderPaymentCollectionWorkflow(container).run({ input: { order_id: order.id, amount: order.total } })).result[0].id
  await markPaymentCollectionAsPaid(container).run({ input: { order_id: order.id, payment_collection_id: collectionId } })
}

async function ship(container: MedusaContainer, order: OrderState, trackingNumber: string | null) {
  const live = order.fulfillments.filter((fulfillment) => !fulfillment.canceled_at)
  if (live.some((fulfillment) => fulfillment.shipped_at)) return
  const items = order.items.map((item) => ({ id: item.id, quantity: Number(item.quantity) }))
  const fulfilment = live[0] ?? {
    id: (await createOrderFulfillmentWorkflow(container).run({ input: { order_id: order.id, items, no_notification: true } })).result.id,
    labels: [],
  }
  await createOrderShipmentWorkflow(container).run({
    input: {
      order_id: order.id,
      fulfillment_id: fulfilment.id,
      items,
      no_notification: true,
      labels: shipmentLabels(fulfilment.labels, trackingNumber),
    },
  })
}

async function complete(container: MedusaContainer, order: OrderState) {
  for (const fulfillment of order.fulfillments) {
    if (fulfillment.shipped_at && !fulfillment.delivered_at && !fulfillment.canceled_at) {
      await markOrderFulfillmentAsDeliveredWorkflow(container).run({ input: { orderId: order.id, fulfillmentId: fulfillment.id } })
    }
  }
  if (order.status !== "completed") {
    await completeOrderWorkflow(container).run({ input: { orderIds: [order.id] } })
  }
}

async function cancel(container: MedusaContainer, order: OrderState) {
  if (order.status === "canceled") return
  // A shipped order never gets here: the plan holds its cancellation for a person.
  const live = order.fulfillments.filter((fulfillment) => !fulfillment.canceled_at)
  for (const fulfillment of live) {
    await cancelOrderFulfillmentWorkflow(container).run({
      input: { order_id: order.id, fulfillment_id: fulfillment.id, no_notification: true },
    })
  }
  // Releases the reservations (and refunds what was captured through the system provider).
  await cancelOrderWorkflow(container).run({ input: { order_id: order.id, no_notification: true } })
}

async function loadOrder(container: MedusaContainer, orderId: string): Promise<OrderState> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [order],
  } = await query.graph({
    entity: "order",
    fields: [
      "id",
      "status",
      "total",
      "items.*",
      "payment_collections.id",
      "payment_collections.status",
      "fulfillments.id",
      "fulfillments.shipped_at",
      "fulfillments.delivered_at",
      "fulfillments.canceled_at",
      "fulfillments.labels.tracking_number",
      "fulfillments.labels.tracking_url",
      "fulfillments.labels.label_url",
    ],
    filters: { id: orderId },
  })
  return {
    id: order.id,
    status: order.status,
    total: Number(order.total),
    items: ((order.items ?? []).filter(Boolean) as { id: string; quantity: unknown }[]).map((item) => ({
      id: item.id,
      quantity: Number(item.quantity),
    })),
    payment_collections: (order.payment_collections ?? []).filter(Boolean) as OrderState["payment_collections"],
    fulfillments: ((order.fulfillments ?? []).filter(Boolean) as OrderState["fulfillments"]).map((fulfillment) => ({
      ...fulfillment,
      labels: (fulfillment.labels ?? []).filter(Boolean),
    })),
  }
}
