import { MedusaError } from "@medusajs/framework/utils"
import type { PlanRow, StockMode } from "../../../lib/stock/stock-plan"
import type { ShopeeEnvironment } from "../environments"
import type { StockRunStatus, StockRunTrigger } from "../models/shopee-stock-run"
import type ShopeeModuleService from "../service"

export type StockRun = {
  id: string
  environment: ShopeeEnvironment
  profile_id: string
  trigger: StockRunTrigger
  mode: StockMode
  status: StockRunStatus
  reason: string | null
  refusal_rule: string | null
  restore_of: string | null
  requested_by: string | null
  models: number
  to_write: number
  sent: number
  written: number
  failed: number
  created_at: Date
  finished_at: Date | null
}

export type StockRunRow = {
  id: string
  run_id: string
  map_id: string | null
  item_id: string
  model_id: string
  variant_id: string
  shopee_before: number | null
  target: number | null
  available: number | null
  action: PlanRow["action"]
  reason: string
  sent: number | null
  guard_reason: string | null
  pending_shopee_sales: number | null
  result: "written" | "failed" | "not_sent" | null
  failure_level: string | null
  failure_reason: string | null
  failure_detail: string | null
  retry_can_help: boolean | null
}

export type PlannedRow = PlanRow & { map_id: string | null; available: number | null }

export async function beginStockRun(
  shopee: ShopeeModuleService,
  input: Pick<StockRun, "environment" | "profile_id" | "trigger" | "mode"> & Partial<Pick<StockRun, "restore_of" | "requested_by">>
): Promise<StockRun> {
  return (await shopee.createShopeeStockRuns({ ...input, status: "planning" })) as StockRun
}

/** Stores the plan's rows; the run then says how many models it covers and how many it will write. */
export async function storePlan(shopee: ShopeeModuleService, run: StockRun, rows: PlannedRow[]): Promise<Map<string, StockRunRow>> {
  const created = rows.length
    ? ((await shopee.createShopeeStockRunRows(
        rows.map((row) => ({
          run_id: run.id,
          map_id: row.map_id,
          item_id: String(row.item_id),
          model_id: String(row.model_id),
          variant_id: row.variant_id,
          shopee_before: row.shopee_now,
          target: row.target,
          available: row.available,
          action: row.action,
          reason: row.reason,
        }))
      )) as StockRunRow[])
    : []
  return new Map(created.map((row) => [`${row.item_id}:${row.model_id}`, row]))
}

export async function updateStockRun(shopee: ShopeeModuleService, id: string, change: Partial<StockRun>): Promise<StockRun> {
  return (await shopee.updateShopeeStockRuns({ id, ...change })) as StockRun
}

export async function updateRunRows(shopee: ShopeeModuleService, changes: (Partial<StockRunRow> & { id: string })[]): Promise<void> {
  if (changes.length) await shopee.updateShopeeStockRunRows(changes)
}

export async function stockRun(shopee: ShopeeModuleService, id: string): Promise<StockRun> {
  const [run] = (await shopee.listShopeeStockRuns({ id })) as StockRun[]
  if (!run) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Stock run ${id} was not found`)
  return run
}

export async function stockRunRows(shopee: ShopeeModuleService, runId: string): Promise<StockRunRow[]> {
  return (await shopee.listShopeeStockRunRows({ run_id: runId }, { order: { created_at: "ASC", id: "ASC" } })) as StockRunRow[]
}

/** A profile's runs, newest first. */
export async function listStockRuns(shopee: ShopeeModuleService, profileId: string, page: { limit: number; offset: number }) {
  const [runs, count] = await shopee.listAndCountShopeeStockRuns(
    { profile_id: profileId },
    { order: { created_at: "DESC" }, take: page.limit, skip: page.offset }
  )
  return { runs: runs as StockRun[], count }
}

/**
 * The newest plan of every mapped model (a full resync or a dry run; a fast-path run covers only
 * a few variants), with its rows: what the admin shows as the latest plan.
 */
export async function latestPlan(shopee: ShopeeModuleService, profileId: string): Promise<{ run: StockRun; rows: StockRunRow[] } | null> {
  const [run] = (await shopee.listShopeeStockRuns(
    { profile_id: profileId, trigger: ["full", "dry_run"], status: { $ne: "planning" } },
    { order: { created_at: "DESC" }, take: 1 }
  )) as StockRun[]
  return run ? { run, rows: await stockRunRows(shopee, run.id) } : null
}
