import type { Logger, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { isShopeeError } from "@shopee-medusa/shopee-client"
import type { ShopeeEnvironment } from "../../modules/shopee/environments"
import type { ReconcileRunPhase, ReconcileRunTrigger } from "../../modules/shopee/models/shopee-reconcile-run"
import { recordReconcileRun, type ReconcileRun, type ReconcileRunStore } from "../../modules/shopee/reconcile/reconcile-runs"
import { reconcileShopeeOrdersWorkflow } from "../../workflows/reconcile-shopee-orders"
import type { ReconcileSummary } from "../../workflows/steps/reconcile-shopee-orders"
import { resolveShopee } from "../shopee-module"
import { shopeeErrorFromWorkflow, shopeeFailureMessage } from "../shopee-error-from-workflow"
import { lockFor } from "../with-lock"
import { listenToReconcileProgress, type ReconcileProgress } from "./reconcile-progress"
import { HEARTBEAT_MS, shouldWriteProgress } from "./reconcile-run-state"
import { storedSummary } from "./stored-summary"

/**
 * Begins a reconciliation run of an environment, or refuses with a 409 while one runs. Beginning
 * is a read (is a run going?) and a write (the new run): under the environment's start lock
 * (PostgreSQL or Redis, so across instances too) a second start reads the first one's run. The
 * lock is not the reconciliation's own lock, which a running reconciliation holds for minutes.
 */
export function beginReconciliation(
  container: MedusaContainer,
  environment: ShopeeEnvironment,
  trigger: ReconcileRunTrigger
): Promise<ReconcileRun> {
  return lockFor(container)(`shopee-reconcile-start:${environment}`, () => resolveShopee(container).beginReconcileRun(environment, trigger))
}

export type ReconciliationOutcome = { summary: ReconcileSummary; error?: undefined } | { summary?: undefined; error: unknown }

/**
 * Runs the reconciliation of a begun run, writing its progress and then its end (summary or
 * error) on it. Never rejects: a failure is the outcome's `error` (a Shopee failure as a
 * ShopeeError again), and is on the run for whoever polls it.
 */
export async function runReconciliation(container: MedusaContainer, run: ReconcileRun): Promise<ReconciliationOutcome> {
  const writer = new RunWriter(
    resolveShopee(container) as unknown as ReconcileRunStore,
    run.id,
    container.resolve(ContainerRegistrationKeys.LOGGER)
  )
  const progress = listenToReconcileProgress(writer.report)
  try {
    const { result } = await reconcileShopeeOrdersWorkflow(container).run({
      input: { environment: run.environment, progress_id: progress.progress_id },
    })
    await writer.finish({ status: "succeeded", phase: "done", summary: storedSummary(result), finished_at: new Date() })
    return { summary: result }
  } catch (thrown) {
    const error = shopeeErrorFromWorkflow(thrown)
    const message = isShopeeError(error) ? shopeeFailureMessage(error) : (error as Error).message
    await writer.finish({ status: "failed", error: message, finished_at: new Date() })
    return { error }
  } finally {
    progress.stop()
  }
}

/**
 * Writes a run's progress: at a change of phase at once, otherwise at most once a second, and
 * at least every HEARTBEAT_MS while the run lives (so that a live run is never taken for one
 * left by a dead process). Writes go one after the other, so the end is the last word. A failed
 * progress write does not fail the run; a failed end leaves the run to count as interrupted.
 */
class RunWriter {
  private current: Partial<ReconcileProgress> = {}
  private last: { phase: ReconcileRunPhase; at: number } = { phase: "listing", at: Date.now() }
  private writes: Promise<void> = Promise.resolve()
  private readonly heartbeat: NodeJS.Timeout

  constructor(
    private readonly store: ReconcileRunStore,
    private readonly runId: string,
    private readonly logger: Logger
  ) {
    this.heartbeat = setInterval(() => this.write(this.current), HEARTBEAT_MS)
    this.heartbeat.unref()
  }

  report = (progress: ReconcileProgress): void => {
    this.current = progress
    if (shouldWriteProgress(this.last, progress.phase, Date.now())) this.write(progress)
  }

  async finish(change: Parameters<typeof recordReconcileRun>[2]): Promise<void> {
    clearInterval(this.heartbeat)
    this.write(change)
    await this.writes
  }

  private write(change: Parameters<typeof recordReconcileRun>[2]): void {
    if (change.phase) this.last = { phase: change.phase, at: Date.now() }
    this.writes = this.writes
      .then(() => recordReconcileRun(this.store, this.runId, change))
      .catch((error) => this.logger.warn(`Reconciliation run ${this.runId}: its state could not be written: ${(error as Error).message}`))
  }
}
