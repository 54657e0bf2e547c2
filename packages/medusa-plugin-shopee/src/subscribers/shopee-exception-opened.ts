import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { EXCEPTION_OPENED_EVENT } from "../modules/shopee/exceptions/exception-events"
import type { OpenedException } from "../modules/shopee/exceptions/exception-queue"
import { planNotification } from "../lib/notifications/plan-notification"
import { sendAdminNotification } from "../lib/notifications/send-admin-notification"

/** An exception opened: the kinds a person must hear of at once also go to the admin's notification feed. */
export default async function shopeeExceptionOpened({ event, container }: SubscriberArgs<OpenedException>) {
  const notification = planNotification(event.data)
  if (notification) await sendAdminNotification(container, notification)
}

export const config: SubscriberConfig = { event: EXCEPTION_OPENED_EVENT }
