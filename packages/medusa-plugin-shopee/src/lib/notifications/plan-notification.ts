import type { ShopeeEnvironment } from "../../modules/shopee/environments"
import type { ExceptionKind } from "../../modules/shopee/exceptions/vocabulary"

/** Medusa's admin feed: the bell in the admin's top bar lists notifications of this channel. */
export const ADMIN_FEED_CHANNEL = "feed"
/** The template the admin's feed shows: it renders `data.title` and `data.description` as given. */
export const ADMIN_FEED_TEMPLATE = "admin-ui"
/** The feed lists notifications to the signed-in user's id, email or "": "" reaches every admin user. */
export const EVERY_ADMIN = ""

/** The feed shows the whole description; a long cause is cut so the panel stays readable. */
export const MAX_DESCRIPTION_LENGTH = 600

/** What the plan reads of an exception just opened (its row). */
export type OpenedException = { id: string; environment: ShopeeEnvironment | null; kind: string; message: string }

export type AdminNotification = {
  to: string
  channel: typeof ADMIN_FEED_CHANNEL
  template: typeof ADMIN_FEED_TEMPLATE
  /** One notification per exception: Medusa sends nothing for a key it already sent. */
  idempotency_key: string
  data: { title: string; description: string }
}

/**
 * The exceptions worth interrupting a person for, with the notification's title: the shop is
 * about to be cut off (its authorization), Shopee stopped or may stop sending pushes, the stock
 * writer stopped itself, an order was sold twice. Every other kind waits on the Shopee pages.
 */
const TITLES: Partial<Record<ExceptionKind, string>> = {
  authorization_expiring: "Shopee authorization expiring",
  push_subscription_failing: "Shopee push subscription failing",
  stock_writer_disarmed: "Shopee stock writer stopped",
  oversell: "Shopee order oversold",
}

/** Whether an exception just opened raises an admin notification, and which. */
export function planNotification(exception: OpenedException): AdminNotification | null {
  const title = TITLES[exception.kind as ExceptionKind]
  if (!title) return null
  const where = exception.environment ? ` (${exception.environment})` : ""
  return {
    to: EVERY_ADMIN,
    channel: ADMIN_FEED_CHANNEL,
    template: ADMIN_FEED_TEMPLATE,
    idempotency_key: `shopee-exception:${exception.id}`,
    data: {
      title: `${title}${where}`,
      description: shortened(`${exception.message} See Shopee > Exceptions in the admin.`),
    },
  }
}

function shortened(text: string): string {
  return text.length <= MAX_DESCRIPTION_LENGTH ? text : `${text.slice(0, MAX_DESCRIPTION_LENGTH - 1)}…`
}
