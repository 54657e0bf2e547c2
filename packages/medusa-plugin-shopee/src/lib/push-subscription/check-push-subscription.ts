import type { MedusaContainer } from "@medusajs/framework/types"
import { resolveShopee } from "../shopee-module"
import { planSubscriptionCheck, subscriptionRef, SUBSCRIPTION_TROUBLES, type SubscriptionCheck } from "./plan-subscription-check"

/**
 * Asks Shopee how the active environment's push subscription stands (get_app_push_config) and
 * raises an exception while it is failing or suspended (one per trouble, so a suspension after a
 * warning is told again); once Shopee reports it normal, both are settled. Nothing to check while
 * the active profile is incomplete. Answers what it decided, or null when it did not ask.
 */
export async function checkPushSubscription(container: MedusaContainer): Promise<SubscriptionCheck | null> {
  const shopee = resolveShopee(container)
  const environment = await shopee.getActiveEnvironment()
  const profile = await shopee.getActiveProfile(environment)
  if (!profile.complete) return null
  const { client, credentials } = await shopee.getClient(environment)
  const check = planSubscriptionCheck(await client.push.getAppPushConfig())
  if (check.act === "raise") {
    await shopee.raiseException({
      environment,
      kind: "push_subscription_failing",
      payload_ref: subscriptionRef(credentials.partner_id, check.trouble),
      message: check.message,
    })
  } else {
    for (const trouble of SUBSCRIPTION_TROUBLES) {
      await shopee.settleExceptions({
        environment,
        payload_ref: subscriptionRef(credentials.partner_id, trouble),
        kinds: ["push_subscription_failing"],
      })
    }
  }
  return check
}
