import { model } from "@medusajs/framework/utils"
import { SHOPEE_ENVIRONMENTS } from "../environments"

/**
 * Where reconciliation and the catalogue import stand for a profile: orders updated up to
 * `orders_updated_until` and items updated up to `catalogue_updated_until` (unix seconds) have
 * been read; the next run starts there, so a missed push or a missed item change is never lost.
 * `catalogue_run` is the latest catalogue import with its progress, which any instance can poll.
 */
export const ShopeeSyncCursor = model
  .define("shopee_sync_cursor", {
    id: model.id({ prefix: "shcur" }).primaryKey(),
    environment: model.enum([...SHOPEE_ENVIRONMENTS]),
    profile_id: model.text(),
    orders_updated_until: model.number().nullable(),
    last_run_at: model.dateTime().nullable(),
    last_run_summary: model.json().nullable(),
    catalogue_updated_until: model.number().nullable(),
    catalogue_run: model.json().nullable(),
  })
  .indexes([{ on: ["profile_id"], unique: true }])
