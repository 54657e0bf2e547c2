import type { MedusaContainer } from "@medusajs/framework/types"
import { resolveShopee } from "../shopee-module"
import { reconcileEnvironment } from "./reconcile-environment"

/**
 * The scheduled reconciliation: the environment this instance serves, when its active profile
 * is complete and its shop is connected. Anything else is not an error: there is nothing to pull.
 */
export async function reconcileActiveEnvironment(container: MedusaContainer) {
  const shopee = resolveShopee(container)
  const environment = await shopee.getActiveEnvironment()
  const profile = await shopee.getActiveProfile(environment)
  if (!profile.complete || (await shopee.getTokenState(environment)).state !== "connected") {
    return null
  }
  try {
    return await reconcileEnvironment(container, environment)
  } catch (error) {
    await shopee.raiseException({
      environment,
      kind: "reconcile_failed",
      payload_ref: profile.id,
      message: `Reconciling ${environment} orders failed: ${(error as Error).message}. It runs again in a few minutes.`,
    })
    return null
  }
}
