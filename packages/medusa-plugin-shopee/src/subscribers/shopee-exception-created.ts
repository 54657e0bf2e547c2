import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { EXCEPTION_CREATED_EVENT } from "../modules/shopee/exceptions/exception-events"
import { planNotification } from "../lib/notifications/plan-notification"
import { sendAdminNotification } from "../lib/notifications/send-admin-notification"
import { resolveShopee } from "../lib/shopee-module"

/**
 * An exception opened: the kinds a person must hear of at once also go to the admin's
 * notification feed. Runs after the exception is written, apart from whatever raised it, so a
 * failure here never undoes the exception or the push that raised it.
 */
export default async function shopeeExceptionCreated({ event, container }: SubscriberArgs<{ id: string }>) {
  const exception = await resolveShopee(container).retrieveConnectorException(event.data.id)
  const notification = planNotification(exception)
  if (notification) await sendAdminNotification(container, notification)
}

export const config: SubscriberConfig = { event: EXCEPTION_CREATED_EVENT }
