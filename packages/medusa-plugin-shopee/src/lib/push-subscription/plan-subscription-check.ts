import type { GetAppPushConfigResponse } from "@shopee-medusa/shopee-client"

/** The two troubles Shopee reports; each is its own exception, so a warning that becomes a suspension is told again. */
export const SUBSCRIPTION_TROUBLES = ["warning", "suspended"] as const
export type SubscriptionTrouble = (typeof SUBSCRIPTION_TROUBLES)[number]

export type SubscriptionCheck = { act: "healthy" } | { act: "raise"; trouble: SubscriptionTrouble; message: string }

/** The exception reference of one trouble of one partner's subscription. */
export function subscriptionRef(partnerId: number, trouble: SubscriptionTrouble): string {
  return `partner:${partnerId}:${trouble}`
}

/**
 * What the connector does with Shopee's view of its push subscription (get_app_push_config):
 * nothing while it is normal; an exception for a person while it warns (too few pushes answered
 * in time: Shopee suspends it if this goes on) or is suspended (Shopee sends nothing and resends
 * nothing missed; orders still arrive through reconciliation). A status Shopee has not
 * documented is raised as a warning, naming it, rather than read as healthy.
 */
export function planSubscriptionCheck(config: Pick<GetAppPushConfigResponse, "live_push_status" | "suspended_time">): SubscriptionCheck {
  switch (config.live_push_status) {
    case "Normal":
      return { act: "healthy" }
    case "Suspended": {
      const since = config.suspended_time ? ` since ${new Date(config.suspended_time * 1000).toISOString()}` : ""
      return {
        act: "raise",
        trouble: "suspended",
        message: `Shopee suspended the app's push subscription${since}: it sends no pushes and will not resend those missed, so orders arrive only through reconciliation. Make sure the webhook answers, then enable pushes again in Shopee's console.`,
      }
    }
    case "Warning":
      return {
        act: "raise",
        trouble: "warning",
        message:
          "Shopee reports the app's push subscription as failing: too few pushes are answered in time, and Shopee suspends the subscription if this goes on. Check that the webhook is reachable and answers quickly.",
      }
    default:
      return {
        act: "raise",
        trouble: "warning",
        message: `Shopee reports the app's push subscription as "${String(config.live_push_status)}", a status the connector does not know. Check the subscription in Shopee's console.`,
      }
  }
}
