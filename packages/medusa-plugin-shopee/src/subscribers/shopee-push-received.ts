import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { SHOPEE_PUSH_RECEIVED } from "../api/connectors/shopee/receive-push"
import { processShopeePushWorkflow } from "../workflows/process-shopee-push"

/** A push was stored and acknowledged: now act on it, away from Shopee's 3-second wait. */
export default async function shopeePushReceived({ event, container }: SubscriberArgs<{ id: string }>) {
  await processShopeePushWorkflow(container).run({ input: { event_id: event.data.id } })
}

export const config: SubscriberConfig = { event: SHOPEE_PUSH_RECEIVED }
