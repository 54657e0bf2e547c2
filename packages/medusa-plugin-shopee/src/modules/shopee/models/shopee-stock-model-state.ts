import { model } from "@medusajs/framework/utils"
import { SHOPEE_ENVIRONMENTS } from "../environments"

/**
 * What the stock writer carries from run to run for one Shopee model of a profile: the anchor
 * of the absolute-write guard (lib/stock/absolute-write-guard.ts), the last reads of both
 * sides (to tell a broken read from a sell-out), the last failed write, and whether a
 * promotion holds the model (from pushes 7 and 9).
 */
export const ShopeeStockModelState = model
  .define("shopee_stock_model_state", {
    id: model.id({ prefix: "shstmod" }).primaryKey(),
    environment: model.enum([...SHOPEE_ENVIRONMENTS]),
    profile_id: model.text(),
    item_id: model.text(),
    model_id: model.text(),
    anchor_shopee_stock: model.number().nullable(),
    anchor_pending: model.number().nullable(),
    anchor_imported_total: model.number().nullable(),
    last_medusa_available: model.number().nullable(),
    last_shopee_stock: model.number().nullable(),
    last_failure_stock: model.number().nullable(),
    last_failure_reason: model.text().nullable(),
    last_failure_retry_can_help: model.boolean().nullable(),
    promotion_locked: model.boolean().default(false),
  })
  .indexes([{ on: ["profile_id", "item_id", "model_id"], unique: true }])
