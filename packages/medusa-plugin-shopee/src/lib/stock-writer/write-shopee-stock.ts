import type { ShopeeShop } from "@shopee-medusa/shopee-client"
import type { UpdateStockCallPlan } from "../stock/update-stock-calls"
import { interpretUpdateStock, type UpdateStockAnswer, type UpdateStockOutcome } from "../stock/update-stock-result"
import type { CallError } from "../stock/stock-failure-reason"
import { modelKey } from "../../modules/shopee/stock/model-states"
import { readShopeeStock } from "./read-shopee-stock"

/**
 * Sends one update_stock call and reads the item back, so that a model counts as written only
 * when Shopee both accepted the value and shows it. A failed read-back leaves the verdict to
 * Shopee's answer alone.
 */
export async function writeStockCall(shop: ShopeeShop, call: UpdateStockCallPlan): Promise<UpdateStockOutcome[]> {
  let answer: UpdateStockAnswer | null = null
  let callError: CallError | null = null
  try {
    const response = await shop.products.updateStock({
      item_id: call.item_id,
      stock_list: call.stock_list.map((entry) => ({ model_id: entry.model_id, seller_stock: [{ stock: entry.stock }] })),
    })
    answer = response
    // An error beside the answer: it speaks only for models the answer leaves out.
    const beside = response.errors?.[0]
    if (beside) callError = { name: "ShopeeError", message: `${beside.error}: ${beside.message}` }
  } catch (error) {
    callError = { name: (error as Error).name, message: (error as Error).message }
  }
  const requested = call.stock_list.map((entry) => ({ model_id: entry.model_id, stock: entry.stock }))
  const reread = answer ? await readShopeeStock(shop, [String(call.item_id)]) : null
  const read_back = reread?.complete
    ? requested.flatMap((entry) => {
        const model = reread.models.get(modelKey(call.item_id, entry.model_id))
        return model ? [{ model_id: entry.model_id, stock: model.seller_stock }] : []
      })
    : undefined
  return interpretUpdateStock({ requested, answer, call_error: callError, read_back })
}
