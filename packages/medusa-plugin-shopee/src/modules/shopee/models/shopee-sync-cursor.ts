import { model } from "@medusajs/framework/utils"
import { SHOPEE_ENVIRONMENTS } from "../environments"

/**
 * Where reconciliation stands for a profile: orders updated up to `orders_updated_until`
 * (unix seconds) have been pulled. The next run starts there, so a missed or disabled push
 * never loses an order.
 */
export const ShopeeSyncCursor = model
  .define("shopee_sync_cursor", {
    id: model.id({ prefix: "shcur" }).primaryKey(),
    environment: model.enum([...SHOPEE_ENVIRONMENTS]),
    profile_id: model.text(),
    orders_updated_until: model.number().nullable(),
    last_run_at: model.dateTime().nullable(),
    last_run_summary: model.json().nullable(),
  })
  .indexes([{ on: ["profile_id"], unique: true }])
