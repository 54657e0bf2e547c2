import type { ReconcileSummary } from "../../workflows/steps/reconcile-shopee-orders"

/**
 * What a run keeps of a reconciliation's summary: the counts and the first failures, not the
 * outcome of each of (maybe thousands of) orders.
 */
export function storedSummary(summary: ReconcileSummary) {
  const { orders: _perOrder, ...counts } = summary.import
  return { ...summary, import: { ...counts, failures: counts.failures.slice(0, 20) } }
}
export type StoredReconcileSummary = ReturnType<typeof storedSummary>
