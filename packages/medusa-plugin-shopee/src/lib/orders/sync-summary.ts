import type { OrderSyncOutcome } from "./plan-order-sync"

/** What became of one order of a batch: a sync outcome, or `failed` with the error (retried on a schedule). */
export type OrderSyncReport = { outcome: OrderSyncOutcome | "failed"; reason: string }

/** A batch: each order's outcome and reason by order_sn, with the counts and failures callers print and store. */
export type SyncOrdersSummary = Record<OrderSyncOutcome | "failed", number> & {
  failures: { order_sn: string; message: string }[]
  orders: Record<string, OrderSyncReport>
}

export function emptySyncSummary(): SyncOrdersSummary {
  return { imported: 0, updated: 0, unchanged: 0, stale: 0, held: 0, skipped: 0, failed: 0, failures: [], orders: {} }
}

/** Counts the outcomes of a batch; the failures keep the error of each failed order. */
export function summarizeOrderSyncs(orders: Record<string, OrderSyncReport>): SyncOrdersSummary {
  const summary = emptySyncSummary()
  for (const [orderSn, report] of Object.entries(orders)) {
    summary[report.outcome] += 1
    if (report.outcome === "failed") summary.failures.push({ order_sn: orderSn, message: report.reason })
    summary.orders[orderSn] = report
  }
  return summary
}

/** Adds a batch to a running total (a reconciliation syncs its orders in batches). */
export function addSyncSummary(total: SyncOrdersSummary, batch: SyncOrdersSummary): SyncOrdersSummary {
  return summarizeOrderSyncs({ ...total.orders, ...batch.orders })
}
