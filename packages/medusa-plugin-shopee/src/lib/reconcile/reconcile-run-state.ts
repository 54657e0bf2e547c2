import type { ReconcileRunPhase, ReconcileRunStatus } from "../../modules/shopee/models/shopee-reconcile-run"

/**
 * While a run goes on, its process writes on it at least this often even when nothing moved
 * (one batch of 50 orders can take longer than that when Shopee is slow): the heartbeat that
 * tells a live run from one left by a dead process.
 */
export const HEARTBEAT_MS = 30 * 1000

/** A running run silent for this long (four missed heartbeats) was left by a process that died. */
export const INTERRUPTED_AFTER_MS = 2 * 60 * 1000

/** Progress is written at most this often, except at a change of phase, which is written at once. */
export const PROGRESS_WRITE_GAP_MS = 1000

export function isInterrupted(run: { status: ReconcileRunStatus; progress_at: Date | string }, now: Date): boolean {
  return run.status === "running" && now.getTime() - new Date(run.progress_at).getTime() > INTERRUPTED_AFTER_MS
}

/** Whether a progress report is written now, or only kept for the next write. */
export function shouldWriteProgress(last: { phase: ReconcileRunPhase; at: number }, phase: ReconcileRunPhase, now: number): boolean {
  return phase !== last.phase || now - last.at >= PROGRESS_WRITE_GAP_MS
}

/** The whole run's completion in percent; importing the orders is most of the work. */
export function percentDone({ phase, done, total }: { phase: ReconcileRunPhase; done: number; total: number }): number {
  const share = total === 0 ? 0 : Math.min(1, done / total)
  const span: Record<ReconcileRunPhase, [number, number]> = {
    listing: [0, 10],
    importing: [10, 90],
    lost_pushes: [90, 100],
    done: [100, 100],
  }
  const [start, end] = span[phase]
  return Math.floor(start + (end - start) * share)
}
