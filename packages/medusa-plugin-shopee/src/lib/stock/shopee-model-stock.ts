import type { ItemBaseInfo, Model, StockInfoV2 } from "@shopee-medusa/shopee-client"

/**
 * One Shopee model's stock as the writer compares and writes it: the seller stock (what
 * update_stock sets, summed over the shop's warehouses) and the part a promotion reserves.
 * Shopee's own stock (fulfilled by Shopee) is not the seller's to write and is left out.
 */
export type ShopeeModelStock = {
  item_id: string
  model_id: string
  seller_stock: number
  promotion_reserved: number
  item_status: string
  /** Whether Shopee says a promotion runs on the model; null when it does not say. */
  has_promotion: boolean | null
}

export function sellerStockOf(info: StockInfoV2 | undefined): { seller_stock: number; promotion_reserved: number } | null {
  if (!info) return null
  const sellerEntries = info.seller_stock ?? []
  const seller =
    sellerEntries.length > 0 ? sellerEntries.reduce((sum, entry) => sum + entry.stock, 0) : info.summary_info?.total_available_stock
  if (seller === undefined) return null
  return { seller_stock: seller, promotion_reserved: Math.max(0, info.summary_info?.total_reserved_stock ?? 0) }
}

/**
 * The models of one item as read: its models when it has them (model ids as Shopee gives
 * them), else the item itself as model 0. A model whose stock Shopee did not report is left
 * out, so the plan says it was not found instead of writing from a guess.
 */
export function modelStocksOfItem(item: ItemBaseInfo, models: Model[] | null): ShopeeModelStock[] {
  const entries = item.has_model
    ? (models ?? []).map((model) => ({
        model_id: String(model.model_id),
        stock: sellerStockOf(model.stock_info_v2),
        has_promotion: model.has_promotion,
      }))
    : [{ model_id: "0", stock: sellerStockOf(item.stock_info_v2), has_promotion: item.has_promotion }]
  return entries.flatMap(({ model_id, stock, has_promotion }) =>
    stock
      ? [{ item_id: String(item.item_id), model_id, ...stock, item_status: item.item_status, has_promotion: has_promotion ?? null }]
      : []
  )
}
