import { MedusaError } from "@medusajs/framework/utils"
import { INTERRUPTED_AFTER_MS, isInterrupted } from "../../../lib/reconcile/reconcile-run-state"
import type { StoredReconcileSummary } from "../../../lib/reconcile/stored-summary"
import type { ShopeeEnvironment } from "../environments"
import type { ReconcileRunPhase, ReconcileRunStatus, ReconcileRunTrigger } from "../models/shopee-reconcile-run"

export type ReconcileRun = {
  id: string
  environment: ShopeeEnvironment
  profile_id: string
  trigger: ReconcileRunTrigger
  status: ReconcileRunStatus
  phase: ReconcileRunPhase
  done: number
  total: number
  summary: StoredReconcileSummary | null
  error: string | null
  started_at: Date
  progress_at: Date
  finished_at: Date | null
}

/** The generated methods of the module service that read and write reconciliation runs. */
export type ReconcileRunStore = {
  listShopeeReconcileRuns(filters: Record<string, unknown>, config?: Record<string, unknown>): Promise<unknown[]>
  createShopeeReconcileRuns(data: Record<string, unknown>): Promise<unknown>
  updateShopeeReconcileRuns(data: Record<string, unknown>): Promise<unknown>
}

const INTERRUPTED_MESSAGE = `Interrupted: its process stopped reporting for more than ${INTERRUPTED_AFTER_MS / 60_000} minutes (restarted or killed)`

/** A run as the admin reads it: one left running by a dead process is failed, with why. */
function presented(run: ReconcileRun, now: Date): ReconcileRun {
  return isInterrupted(run, now) ? { ...run, status: "failed", error: INTERRUPTED_MESSAGE } : run
}

async function latestStored(store: ReconcileRunStore, environment: ShopeeEnvironment): Promise<ReconcileRun | null> {
  const [run] = (await store.listShopeeReconcileRuns({ environment }, { order: { started_at: "DESC" }, take: 1 })) as ReconcileRun[]
  return run ?? null
}

/** The latest run of an environment (any profile), null before the first. */
export async function latestReconcileRun(store: ReconcileRunStore, environment: ShopeeEnvironment): Promise<ReconcileRun | null> {
  const run = await latestStored(store, environment)
  return run && presented(run, new Date())
}

export async function reconcileRun(store: ReconcileRunStore, id: string): Promise<ReconcileRun> {
  const [run] = (await store.listShopeeReconcileRuns({ id })) as ReconcileRun[]
  if (!run) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Reconciliation run ${id} was not found`)
  return presented(run, new Date())
}

/**
 * Begins a run; 409 naming the running one while another run of the environment is live. One
 * left by a dead process is closed as failed first. The caller holds the environment's start lock.
 */
export async function beginReconcileRun(
  store: ReconcileRunStore,
  input: { environment: ShopeeEnvironment; profile_id: string; trigger: ReconcileRunTrigger }
): Promise<ReconcileRun> {
  const now = new Date()
  const current = await latestStored(store, input.environment)
  if (current?.status === "running") {
    if (!isInterrupted(current, now)) {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `A reconciliation of ${input.environment} orders (${current.id}) is already running; poll it or wait for it to end`
      )
    }
    await store.updateShopeeReconcileRuns({ id: current.id, status: "failed", error: INTERRUPTED_MESSAGE, finished_at: now })
  }
  return (await store.createShopeeReconcileRuns({
    ...input,
    status: "running",
    phase: "listing",
    done: 0,
    total: 0,
    started_at: now,
    progress_at: now,
  })) as ReconcileRun
}

/** Writes a run's progress or its end; every write says the run's process is alive. */
export async function recordReconcileRun(
  store: ReconcileRunStore,
  id: string,
  change: Partial<Pick<ReconcileRun, "status" | "phase" | "done" | "total" | "summary" | "error" | "finished_at">>
): Promise<void> {
  await store.updateShopeeReconcileRuns({ id, ...change, progress_at: new Date() })
}
