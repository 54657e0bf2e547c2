import type { Item, Model, SellerStock, Shop } from "./model.js"

/**
 * What update_stock refuses, decided without touching state. The texts are Shopee's own (its
 * published error list for v2.product.update_stock), so a client matching on them is tested
 * against what it will really read.
 */
export const STOCK_REFUSALS = {
  wrongModel: "Wrong model_id.",
  itemHasModels: "Can't to edit item stock directly while item has models.",
  locationRequired: "The merchant/shop has multi warehouse, please input location id",
  unknownLocation: "Invalid stock location ID",
  underPromotion: "Cannot change stock when item is under promotion.",
  belowReserved: "Total stock must be more than reserved stock.",
} as const

/** A refusal of the whole call: nothing is applied. */
export interface CallRefusal {
  error: string
  message: string
}

export interface StockUpdate {
  model_id: number
  seller_stock: { location_id?: string; stock: number }[]
}

/** Shop- and item-wide reasons that refuse the whole call before any model is looked at. */
export function callRefusal(shop: Shop, item: Item): CallRefusal | null {
  if (shop.holiday_mode === true) return { error: "error_holiday_mode_change_stock", message: "Cannot change stock in holiday mode." }
  if (shop.under_penalty === true) return { error: "error_seller_under_penalty", message: "The shop is under penalty." }
  if (item.item_status === "SELLER_DELETE" || item.item_status === "SHOPEE_DELETE") {
    return { error: "error_item_uneditable", message: "Can't edit this item. item status can not support editing." }
  }
  return null
}

/** The model's seller stock once `update` is applied; a location not given means the shop's only one. */
export function stockAfter(model: Model, update: StockUpdate, defaultLocation: string): SellerStock[] {
  const after = model.seller_stock.map((s) => ({ ...s }))
  for (const entry of update.seller_stock) {
    const locationId = entry.location_id ?? defaultLocation
    const slot = after.find((s) => s.location_id === locationId)
    if (slot) slot.stock = entry.stock
    else after.push({ location_id: locationId, stock: entry.stock })
  }
  return after
}

export interface ModelRefusalContext {
  item: Item
  shop: Shop
  /** The model is in a running promotion that forbids stock edits. */
  lockedByPromotion: boolean
}

/** Why Shopee would put this model in failure_list, or null when it would apply the update. */
export function modelRefusal(update: StockUpdate, { item, shop, lockedByPromotion }: ModelRefusalContext): string | null {
  const model = item.models.find((m) => m.model_id === update.model_id)
  if (!model) return item.has_model && update.model_id === 0 ? STOCK_REFUSALS.itemHasModels : STOCK_REFUSALS.wrongModel
  if (shop.location_ids.length > 1 && update.seller_stock.some((s) => s.location_id === undefined)) return STOCK_REFUSALS.locationRequired
  if (update.seller_stock.some((s) => s.location_id !== undefined && !shop.location_ids.includes(s.location_id)))
    return STOCK_REFUSALS.unknownLocation
  if (lockedByPromotion) return STOCK_REFUSALS.underPromotion
  const newTotal = stockAfter(model, update, shop.location_ids[0]).reduce((sum, s) => sum + s.stock, 0)
  if (newTotal < model.reserved_stock) return STOCK_REFUSALS.belowReserved
  return null
}
