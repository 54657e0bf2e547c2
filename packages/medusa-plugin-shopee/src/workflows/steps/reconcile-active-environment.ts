import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { beginReconciliation, runReconciliation } from "../../lib/reconcile/run-reconciliation"
import { resolveShopee } from "../../lib/shopee-module"
import type { ReconcileRun } from "../../modules/shopee/reconcile/reconcile-runs"
import type { ReconcileSummary } from "./reconcile-shopee-orders"

export const reconcileActiveEnvironmentStepId = "reconcile-active-environment"

/**
 * The environment this instance serves, when its active profile is complete and its shop is
 * connected. Anything else is not an error: there is nothing to pull. The run is recorded as the
 * admin's are, so the operator sees the last one either way; while a run of the environment is
 * going (one a person started), this round is skipped. A failed run becomes an exception (the
 * job runs again in a few minutes), not a failed job.
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
    let run: ReconcileRun
    try {
      run = await beginReconciliation(container, environment, "scheduled")
    } catch (error) {
      if (MedusaError.isMedusaError(error) && (error as MedusaError).type === MedusaError.Types.CONFLICT) return new StepResponse(null)
      throw error
    }
    const outcome = await runReconciliation(container, run)
    if (outcome.error === undefined) return new StepResponse(outcome.summary)
    await shopee.raiseException({
      environment,
      kind: "reconcile_failed",
      payload_ref: profile.id,
      message: `Reconciling ${environment} orders failed: ${(outcome.error as Error).message}. It runs again in a few minutes.`,
    })
    return new StepResponse(null)
  }
)
