import crypto from "node:crypto"

export type ReconcileProgress = { phase: "listing" | "importing" | "lost_pushes"; done: number; total: number }

/**
 * Progress of a running reconciliation, for a caller in the same process: the backfill CLI prints
 * it, a recorded run writes it on the run (run-reconciliation.ts). A workflow's input is copied
 * as data, so a callback cannot travel in it: the
 * caller registers one here and passes only its id.
 */
const listeners = new Map<string, (progress: ReconcileProgress) => void>()

export function listenToReconcileProgress(listener: (progress: ReconcileProgress) => void): { progress_id: string; stop: () => void } {
  const progressId = crypto.randomUUID()
  listeners.set(progressId, listener)
  return { progress_id: progressId, stop: () => listeners.delete(progressId) }
}

export function reportReconcileProgress(progressId: string | undefined, progress: ReconcileProgress): void {
  if (progressId) listeners.get(progressId)?.(progress)
}
