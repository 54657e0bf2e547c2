import { model } from "@medusajs/framework/utils"

export const PLAN_ACTIONS = ["write", "none", "skip", "hold"] as const
export const WRITE_RESULTS = ["written", "failed", "not_sent"] as const

/**
 * One mapped model in one run: the plan (Shopee's stock then, the target, the action and why),
 * then what was sent after the re-read guard and what Shopee did with it. `shopee_before` is
 * the value a restore puts back.
 */
export const ShopeeStockRunRow = model
  .define("shopee_stock_run_row", {
    id: model.id({ prefix: "shstrow" }).primaryKey(),
    run_id: model.text(),
    map_id: model.text().nullable(),
    item_id: model.text(),
    model_id: model.text(),
    variant_id: model.text(),
    shopee_before: model.number().nullable(),
    target: model.number().nullable(),
    available: model.number().nullable(),
    action: model.enum([...PLAN_ACTIONS]),
    reason: model.text(),
    sent: model.number().nullable(),
    guard_reason: model.text().nullable(),
    pending_shopee_sales: model.number().nullable(),
    result: model.enum([...WRITE_RESULTS]).nullable(),
    failure_level: model.text().nullable(),
    failure_reason: model.text().nullable(),
    failure_detail: model.text().nullable(),
    retry_can_help: model.boolean().nullable(),
  })
  .indexes([{ on: ["run_id"] }])
