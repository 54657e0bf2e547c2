/**
 * The final values to write, grouped into update_stock calls: Shopee takes one item per call and
 * at most 50 models. Items keep the order they first appear in, models theirs, so a run's calls
 * and its record read in the plan's order. One value per model: a second value for the same
 * model is a caller's bug, and sending both would leave whichever Shopee applied last.
 */

export const MODELS_PER_UPDATE_STOCK_CALL = 50

export type StockWrite = { item_id: number; model_id: number; stock: number }

export type UpdateStockCallPlan = { item_id: number; stock_list: { model_id: number; stock: number }[] }

export function groupStockWrites(writes: StockWrite[], perCall = MODELS_PER_UPDATE_STOCK_CALL): UpdateStockCallPlan[] {
  const byItem = new Map<number, { model_id: number; stock: number }[]>()
  for (const write of writes) {
    const models = byItem.get(write.item_id) ?? []
    if (models.some((model) => model.model_id === write.model_id)) {
      throw new Error(`model ${write.model_id} of item ${write.item_id} is written twice in one run`)
    }
    models.push({ model_id: write.model_id, stock: write.stock })
    byItem.set(write.item_id, models)
  }
  const calls: UpdateStockCallPlan[] = []
  for (const [item_id, models] of byItem) {
    for (let start = 0; start < models.length; start += perCall) {
      calls.push({ item_id, stock_list: models.slice(start, start + perCall) })
    }
  }
  return calls
}
