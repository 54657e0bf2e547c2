import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { resolveShopee } from "../../lib/shopee-module"
import { reconcileShopeeOrdersWorkflow } from "../reconcile-shopee-orders"
import type { ReconcileSummary } from "./reconcile-shopee-orders"

export const reconcileActiveEnvironmentStepId = "reconcile-active-environment"

/**
 * The environment this instance serves, when its active profile is complete and its shop is
 * connected. Anything else is not an error: there is nothing to pull. A failed run becomes an
 * exception (the job runs again in a few minutes), not a failed job.
 */
export const reconcileActiveEnvironmentStep = createStep(
  reconcileActiveEnvironmentStepId,
  async (_input: void, { container }): Promise<StepResponse<ReconcileSummary | null>> => {
    const shopee = resolveShopee(container)
    const environment = await shopee.getActiveEnvironment()
    const profile = await shopee.getActiveProfile(environment)
    if (!profile.complete || (await shopee.getTokenState(environment)).state !== "connected") {
      return new StepResponse(null)
    }
    try {
      const { result } = await reconcileShopeeOrdersWorkflow(container).run({ input: { environment } })
      return new StepResponse(result)
    } catch (error) {
      await shopee.raiseException({
        environment,
        kind: "reconcile_failed",
        payload_ref: profile.id,
        message: `Reconciling ${environment} orders failed: ${(error as Error).message}. It runs again in a few minutes.`,
      })
      return new StepResponse(null)
    }
  }
)
