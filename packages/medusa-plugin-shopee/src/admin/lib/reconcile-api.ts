import type { ReconcileRunPhase, ReconcileRunStatus, ReconcileRunTrigger } from "../../modules/shopee/models/shopee-reconcile-run"
import { shopeeKeys } from "./query-keys"
import { sdk } from "./sdk"
import type { ShopeeEnvironment } from "./types"

/** A reconciliation run as the reconcile routes answer it. */
export type ReconcileRun = {
  id: string
  environment: ShopeeEnvironment
  trigger: ReconcileRunTrigger
  status: ReconcileRunStatus
  phase: ReconcileRunPhase
  done: number
  total: number
  error: string | null
  summary: {
    orders_seen: number
    lost_pushes: number
    import: Record<"imported" | "updated" | "unchanged" | "failed", number>
  } | null
  started_at: string
  finished_at: string | null
}

export const reconcileKeys = {
  latest: (environment: ShopeeEnvironment) => [...shopeeKeys.all, "reconcile-run", environment] as const,
}

export const reconcileApi = {
  latestRun: (env: ShopeeEnvironment) => sdk.client.fetch<{ run: ReconcileRun | null }>("/admin/shopee/reconcile", { query: { env } }),

  start: (env: ShopeeEnvironment) => sdk.client.fetch<{ run: ReconcileRun }>("/admin/shopee/reconcile", { method: "POST", query: { env } }),
}
