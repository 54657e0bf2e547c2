import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import type { Logger } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, OrderWorkflowEvents } from "@medusajs/framework/utils"
import { arrangeAutomatically } from "../lib/fulfilment/arrange-automatically"

/**
 * A Medusa fulfilment was created ("Fulfill items"): a Shopee order whose profile has a shipping
 * default is arranged on Shopee by itself (lib/fulfilment/arrange-automatically.ts).
 */
export default async function shopeeFulfilmentCreated({ event, container }: SubscriberArgs<{ order_id: string; fulfillment_id: string }>) {
  const result = await arrangeAutomatically(container, { order_id: event.data.order_id, fulfillment_id: event.data.fulfillment_id })
  // The sync row records both for the operator; the log says it happened (a skip is the usual case of a shop without a default).
  if (result?.outcome === "deferred" || result?.outcome === "refused") {
    container
      .resolve<Logger>(ContainerRegistrationKeys.LOGGER)
      .info(`Shopee order ${result.order_sn}: automatic arrangement ${result.outcome}: ${result.reason}`)
  }
}

export const config: SubscriberConfig = { event: OrderWorkflowEvents.FULFILLMENT_CREATED }
