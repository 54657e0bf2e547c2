import type { ItemBaseInfo, Model, StockInfoV2, TierVariation } from "@shopee-medusa/shopee-client"

/** One sellable unit on Shopee (an item's model, or the item itself when it has none), as stored in the product map. */
export type Listing = {
  item_id: string
  model_id: string
  sku: string | null
  item_sku: string | null
  model_sku: string | null
  item_name: string
  model_name: string | null
  item_status: string
  model_status: string | null
  shopee_stock: number | null
  reserved_stock: number | null
  shopee_update_time: number
}

/** The SKU a listing is matched on: the model's, else the item's. Blank is no SKU. */
export function listingSku(modelSku: string | null | undefined, itemSku: string | null | undefined): string | null {
  if (modelSku && modelSku.trim() !== "") return modelSku
  if (itemSku && itemSku.trim() !== "") return itemSku
  return null
}

/** A model's name as the seller sees it: its tier options joined ("Red / XL"). */
export function modelName(tiers: TierVariation[], tierIndex: number[] | undefined): string | null {
  const parts = (tierIndex ?? []).map((index, tier) => tiers[tier]?.option_list[index]?.option).filter((part): part is string => !!part)
  return parts.length > 0 ? parts.join(" / ") : null
}

function stockOf(info: StockInfoV2 | undefined): { shopee_stock: number | null; reserved_stock: number | null } {
  if (!info) return { shopee_stock: null, reserved_stock: null }
  const sellerTotal = info.seller_stock?.reduce((sum, entry) => sum + entry.stock, 0)
  return {
    shopee_stock: info.summary_info?.total_available_stock ?? sellerTotal ?? null,
    reserved_stock: info.summary_info?.total_reserved_stock ?? null,
  }
}

/**
 * The listings of one item: one per model when it has models (Shopee then keeps stock on the
 * models), else one with model id 0 carrying the item's own SKU and stock.
 */
export function listingsOfItem(item: ItemBaseInfo, models: { tier_variation: TierVariation[]; model: Model[] } | null): Listing[] {
  const base = {
    item_id: String(item.item_id),
    item_sku: item.item_sku || null,
    item_name: item.item_name,
    item_status: item.item_status,
    shopee_update_time: item.update_time,
  }
  if (!item.has_model || !models) {
    return [
      {
        ...base,
        model_id: "0",
        sku: listingSku(null, item.item_sku),
        model_sku: null,
        model_name: null,
        model_status: null,
        ...stockOf(item.stock_info_v2),
      },
    ]
  }
  return models.model.map((model) => ({
    ...base,
    model_id: String(model.model_id),
    sku: listingSku(model.model_sku, item.item_sku),
    model_sku: model.model_sku || null,
    model_name: modelName(models.tier_variation, model.tier_index),
    model_status: model.model_status ?? null,
    ...stockOf(model.stock_info_v2),
  }))
}
