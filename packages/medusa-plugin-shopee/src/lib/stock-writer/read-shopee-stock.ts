import type { ShopeeShop } from "@shopee-medusa/shopee-client"
import { modelStocksOfItem, type ShopeeModelStock } from "../stock/shopee-model-stock"
import { modelKey } from "../../modules/shopee/stock/model-states"

/** get_model_list takes one item per call: this many calls at once. */
const MODEL_LIST_CONCURRENCY = 4

export type ShopeeStockRead = {
  /** By `item:model`; a model Shopee did not return is absent. */
  models: Map<string, ShopeeModelStock>
  /** False when a call failed: the plan is then refused rather than built on a partial read. */
  complete: boolean
  error: string | null
}

/** The seller stock and promotion reserve of every model of these items. */
export async function readShopeeStock(shop: ShopeeShop, itemIds: string[]): Promise<ShopeeStockRead> {
  const read: ShopeeStockRead = { models: new Map(), complete: true, error: null }
  const ids = [...new Set(itemIds)].map(Number)
  if (ids.length === 0) return read
  try {
    const { item_list } = await shop.products.getItemBaseInfo({ item_id_list: ids })
    for (let start = 0; start < item_list.length; start += MODEL_LIST_CONCURRENCY) {
      const slice = item_list.slice(start, start + MODEL_LIST_CONCURRENCY)
      const models = await Promise.all(
        slice.map(async (item) =>
          modelStocksOfItem(item, item.has_model ? (await shop.products.getModelList({ item_id: item.item_id })).model : null)
        )
      )
      for (const model of models.flat()) read.models.set(modelKey(model.item_id, model.model_id), model)
    }
  } catch (error) {
    read.complete = false
    read.error = `${(error as Error).name}: ${(error as Error).message}`
  }
  return read
}
