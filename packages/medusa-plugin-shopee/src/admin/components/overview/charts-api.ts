import { sdk } from "../../lib/sdk"
import type { EnvironmentFilter, ShopeeEnvironment } from "../../lib/types"

export type AgeBucket = "under_1h" | "under_1d" | "under_1w" | "older"
export const AGE_BUCKETS: AgeBucket[] = ["under_1h", "under_1d", "under_1w", "older"]

/** `dashboardCharts` (api/admin/dashboard/dashboard-charts.ts, shaped by lib/dashboard/chart-series.ts). */
export type DashboardCharts = {
  active_environment: ShopeeEnvironment
  env_filter: EnvironmentFilter
  days: number
  hours: number
  orders_per_day: { environments: ShopeeEnvironment[]; days: { day: string; total: number; by_environment: Record<string, number> }[] }
  push_acknowledgement: {
    thresholds: { warn_rate: number; suspend_rate: number; window_hours: number; min_pushes: number }
    hours: { hour: string; received: number; accepted: number; rejected: number; failed: number; success_rate: number | null }[]
  }
  open_exceptions: { kinds: { kind: string; total: number; by_age: Record<AgeBucket, number> }[] }
  stock_writes: { hours: { hour: string; written: number; failed: number }[] }
}

export type ChartsQuery = { env: EnvironmentFilter | undefined; days: number; hours: number }

export const fetchDashboardCharts = ({ env, days, hours }: ChartsQuery) =>
  sdk.client.fetch<DashboardCharts>("/admin/dashboard/charts", {
    query: { ...(env ? { env } : {}), days: String(days), hours: String(hours) },
  })
