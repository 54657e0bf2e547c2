import { model } from "@medusajs/framework/utils"
import { SHOPEE_ENVIRONMENTS } from "../environments"

export const MATCH_STATES = ["matched", "unmatched", "conflict"] as const
export type MatchState = (typeof MATCH_STATES)[number]
/** Who decided the variant: the SKU matcher, or a person (whose decision a re-import keeps). */
export const MATCH_SOURCES = ["sku", "manual"] as const
export type MatchSource = (typeof MATCH_SOURCES)[number]

/**
 * One Shopee listing (item and model) of a profile as the catalogue import last read it, and the
 * Medusa variant that sells it, if any. Matching an order line looks here before it falls back to
 * SKUs; stock pushes go where this says. `model_id` is 0 for an item without variations, as Shopee
 * counts it. A model that Shopee no longer has (a restructured or vanished item) is soft-deleted,
 * so no reader ever sees a variant pointing at it and the variant is free for the new model.
 */
export const ShopeeProductMap = model
  .define("shopee_product_map", {
    id: model.id({ prefix: "shmap" }).primaryKey(),
    environment: model.enum([...SHOPEE_ENVIRONMENTS]),
    profile_id: model.text(),
    variant_id: model.text().nullable(),
    item_id: model.text(),
    model_id: model.text(),
    /** The SKU matched on: `model_sku`, else `item_sku`. */
    sku: model.text().nullable(),
    item_sku: model.text().nullable(),
    model_sku: model.text().nullable(),
    item_name: model.text().nullable(),
    model_name: model.text().nullable(),
    item_status: model.text().nullable(),
    model_status: model.text().nullable(),
    /** Stock as Shopee last reported it, and the part of it held by promotions. */
    shopee_stock: model.number().nullable(),
    reserved_stock: model.number().nullable(),
    shopee_update_time: model.number().nullable(),
    read_at: model.dateTime().nullable(),
    match_state: model.enum([...MATCH_STATES]).default("unmatched"),
    match_source: model.enum([...MATCH_SOURCES]).nullable(),
    match_reason: model.text().nullable(),
    last_stock_sent: model.number().nullable(),
    last_stock_sent_at: model.dateTime().nullable(),
  })
  .indexes([
    { on: ["profile_id", "item_id", "model_id"], unique: true },
    { on: ["profile_id", "variant_id"], unique: true },
    { on: ["profile_id", "match_state"] },
    { on: ["profile_id", "sku"] },
  ])
