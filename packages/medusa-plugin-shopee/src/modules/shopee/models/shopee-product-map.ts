import { model } from "@medusajs/framework/utils"
import { SHOPEE_ENVIRONMENTS } from "../environments"

/**
 * A Medusa variant and the Shopee item and model that sell it, per profile. Matching an order
 * line looks here before it falls back to SKUs; stock pushes go where this says. `model_id` is
 * 0 for an item without variations, as Shopee counts it.
 */
export const ShopeeProductMap = model
  .define("shopee_product_map", {
    id: model.id({ prefix: "shmap" }).primaryKey(),
    environment: model.enum([...SHOPEE_ENVIRONMENTS]),
    profile_id: model.text(),
    variant_id: model.text(),
    item_id: model.text(),
    model_id: model.text(),
    last_stock_sent: model.number().nullable(),
    last_stock_sent_at: model.dateTime().nullable(),
  })
  .indexes([
    { on: ["profile_id", "item_id", "model_id"], unique: true },
    { on: ["profile_id", "variant_id"], unique: true },
  ])
