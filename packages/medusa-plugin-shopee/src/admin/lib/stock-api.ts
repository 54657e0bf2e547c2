import type { ListQuery } from "./api"
import { shopeeKeys } from "./query-keys"
import { sdk } from "./sdk"
import type { ListPage, ShopeeEnvironment } from "./types"

export type StockMode = "off" | "decrease_only" | "mirror"
/** The modes in the order the select offers them. */
export const STOCK_MODES: readonly StockMode[] = ["off", "decrease_only", "mirror"]

/** The translation key of a mode's name ("Off", "Decrease only", "Mirror"). */
export const stockModeLabelKey = (mode: StockMode) => `shopee.stock.mode.${mode}`

export type StockSettingView = {
  mode: StockMode
  buffer: number
  max_writes_per_run: number
  mode_changed_by: string | null
  mode_changed_at: string | null
  breaker: { disarmed: boolean; consecutive_system_failures: number; reason: string | null; disarmed_at: string | null }
}

export type StockRunView = {
  id: string
  environment: ShopeeEnvironment
  trigger: "fast" | "full" | "dry_run" | "restore"
  mode: StockMode
  status: string
  reason: string | null
  restore_of: string | null
  models: number
  to_write: number
  sent: number
  written: number
  failed: number
  created_at: string
  finished_at: string | null
}

export type StockRunRowView = {
  id: string
  item_id: string
  model_id: string
  variant_id: string
  shopee_before: number | null
  target: number | null
  action: "write" | "none" | "skip" | "hold"
  reason: string
  sent: number | null
  guard_reason: string | null
  result: "written" | "failed" | "not_sent" | null
  failure_reason: string | null
}

export type StockStateAnswer = {
  environment: ShopeeEnvironment
  active_environment: ShopeeEnvironment
  profile: { id: string; name: string; complete: boolean }
  setting: StockSettingView
  latest_plan: { run: StockRunView; rows: StockRunRowView[] } | null
}

export const stockKeys = {
  state: (environment: ShopeeEnvironment) => [...shopeeKeys.all, "stock", environment] as const,
  runs: (query: object) => [...shopeeKeys.all, "stock-runs", query] as const,
}

/** The stock writer's admin routes; every non-2xx answer throws with the API's message. */
export const stockApi = {
  state: (env: ShopeeEnvironment) => sdk.client.fetch<StockStateAnswer>("/admin/shopee/stock", { query: { env } }),
  runs: (env: ShopeeEnvironment, { limit, offset }: ListQuery) =>
    sdk.client.fetch<ListPage & { runs: StockRunView[] }>("/admin/shopee/stock/runs", { query: { env, limit, offset } }),
  saveSettings: (env: ShopeeEnvironment, body: Partial<Pick<StockSettingView, "mode" | "buffer" | "max_writes_per_run">>) =>
    sdk.client.fetch<{ setting: StockSettingView }>("/admin/shopee/stock/settings", { method: "POST", query: { env }, body }),
  startRun: (env: ShopeeEnvironment, kind: "dry_run" | "full") =>
    sdk.client.fetch<{ run: StockRunView }>("/admin/shopee/stock/runs", { method: "POST", query: { env }, body: { kind } }),
  restore: (runId: string) => sdk.client.fetch<{ run: StockRunView }>(`/admin/shopee/stock/runs/${runId}/restore`, { method: "POST" }),
}
