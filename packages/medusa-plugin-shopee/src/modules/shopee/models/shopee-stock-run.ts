import { model } from "@medusajs/framework/utils"
import { SHOPEE_ENVIRONMENTS } from "../environments"
import { STOCK_MODES } from "./shopee-stock-setting"

/** fast: dirty variants; full: every mapped model (the 15-minute resync); dry_run: plans only; restore: a person puts back a run's prior values. */
export const STOCK_RUN_TRIGGERS = ["fast", "full", "dry_run", "restore"] as const
export type StockRunTrigger = (typeof STOCK_RUN_TRIGGERS)[number]

/**
 * planned: the plan is stored and nothing is sent (a dry run, the writer off or disarmed);
 * refused: the plan looked like a broken read; partial: some writes failed.
 */
export const STOCK_RUN_STATUSES = ["planning", "planned", "refused", "writing", "succeeded", "partial", "failed"] as const
export type StockRunStatus = (typeof STOCK_RUN_STATUSES)[number]

/**
 * One stock writer run of a profile: its plan is stored (shopee_stock_run_row) before any write,
 * and the counts move as the writes go, so that the admin can follow it and restore it.
 */
export const ShopeeStockRun = model
  .define("shopee_stock_run", {
    id: model.id({ prefix: "shstrun" }).primaryKey(),
    environment: model.enum([...SHOPEE_ENVIRONMENTS]),
    profile_id: model.text(),
    trigger: model.enum([...STOCK_RUN_TRIGGERS]),
    mode: model.enum([...STOCK_MODES]),
    status: model.enum([...STOCK_RUN_STATUSES]).default("planning"),
    reason: model.text().nullable(),
    refusal_rule: model.text().nullable(),
    restore_of: model.text().nullable(),
    requested_by: model.text().nullable(),
    models: model.number().default(0),
    to_write: model.number().default(0),
    sent: model.number().default(0),
    written: model.number().default(0),
    failed: model.number().default(0),
    finished_at: model.dateTime().nullable(),
  })
  .indexes([{ on: ["profile_id", "created_at"] }, { on: ["environment", "created_at"] }])
