import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createOrderFulfillmentWorkflow } from "@medusajs/medusa/core-flows"
import { fulfilmentToUse, labelsWithTracking, type LiveFulfilment } from "./fulfilment-label"

type OrderForFulfilment = {
  items: { id: string; quantity: number }[]
  live: LiveFulfilment[]
}

async function readOrder(container: MedusaContainer, orderId: string): Promise<OrderForFulfilment> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [order],
  } = await query.graph({
    entity: "order",
    fields: [
      "id",
      "items.*",
      "fulfillments.id",
      "fulfillments.canceled_at",
      "fulfillments.labels.id",
      "fulfillments.labels.tracking_number",
    ],
    filters: { id: orderId },
  })
  const fulfillments = (order?.fulfillments ?? []).filter(Boolean) as {
    id: string
    canceled_at: Date | null
    labels?: { id: string; tracking_number: string }[]
  }[]
  return {
    items: ((order?.items ?? []).filter(Boolean) as { id: string; quantity: unknown }[]).map((item) => ({
      id: item.id,
      quantity: Number(item.quantity),
    })),
    live: fulfillments.filter((f) => !f.canceled_at).map((f) => ({ id: f.id, labels: (f.labels ?? []).filter(Boolean) })),
  }
}

/** Where the order's stock is held: the location of its items' reservations (the Shopee channel's location). */
async function reservedLocation(container: MedusaContainer, itemIds: string[]): Promise<string | undefined> {
  if (itemIds.length === 0) return undefined
  const [reservation] = await container.resolve(Modules.INVENTORY).listReservationItems({ line_item_id: itemIds }, { take: 1 })
  return reservation?.location_id
}

/**
 * The order's Medusa fulfilment for its Shopee shipment: the one recorded (or any live one), else
 * a new one of all its items, created through Medusa's workflow at the location holding its stock,
 * with the tracking label when the number is already known.
 */
export async function ensureFulfilment(
  container: MedusaContainer,
  orderId: string,
  recordedId: string | null,
  trackingNumber: string | null
): Promise<LiveFulfilment> {
  const order = await readOrder(container, orderId)
  const existing = fulfilmentToUse(order.live, recordedId)
  if (existing) return existing
  const labels = trackingNumber ? [{ tracking_number: trackingNumber, tracking_url: "", label_url: "" }] : []
  const { result } = await createOrderFulfillmentWorkflow(container).run({
    input: {
      order_id: orderId,
      items: order.items,
      location_id: await reservedLocation(
        container,
        order.items.map((item) => item.id)
      ),
      labels,
      no_notification: true,
    },
  })
  return { id: result.id, labels: (result.labels ?? []).map((label) => ({ id: label.id, tracking_number: label.tracking_number })) }
}

/**
 * Puts Shopee's tracking number on the fulfilment's labels, once. Through the Fulfillment module:
 * Medusa's update-fulfillment workflow takes no labels (only its create-shipment flow sets them).
 */
export async function writeTrackingLabel(
  container: MedusaContainer,
  fulfilment: LiveFulfilment,
  trackingNumber: string | null
): Promise<boolean> {
  const labels = labelsWithTracking(fulfilment, trackingNumber)
  if (!labels) return false
  await container.resolve(Modules.FULFILLMENT).updateFulfillment(fulfilment.id, { labels })
  return true
}

/** The order's live fulfilment that the arrangement recorded (or any live one), for a tracking number that arrives later. */
export async function liveFulfilment(
  container: MedusaContainer,
  orderId: string,
  recordedId: string | null
): Promise<LiveFulfilment | null> {
  return fulfilmentToUse((await readOrder(container, orderId)).live, recordedId)
}
