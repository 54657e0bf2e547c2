import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { markStockDirtyFromEvent, STOCK_EVENTS } from "../lib/stock-writer/mark-stock-dirty"
import { wakeStockWriter } from "../workflows/wake-stock-writer"

/** Stock moved in Medusa (a level, a reservation, an order): the writer's fast path takes it from here. */
export default async function shopeeStockDirty({ event, container }: SubscriberArgs<Record<string, unknown>>) {
  if ((await markStockDirtyFromEvent(container, event.name, event.data)) > 0) wakeStockWriter(container)
}

export const config: SubscriberConfig = { event: STOCK_EVENTS }
