import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { markStockDirtyFromEvent, STOCK_EVENTS } from "../workflows/stock/mark-stock-dirty"

/** Stock moved in Medusa (a level, a reservation, an order): the writer's fast path takes it from here. */
export default async function shopeeStockDirty({ event, container }: SubscriberArgs<Record<string, unknown>>) {
  await markStockDirtyFromEvent(container, event.name, event.data)
}

export const config: SubscriberConfig = { event: STOCK_EVENTS }
