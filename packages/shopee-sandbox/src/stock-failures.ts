import { RuleList } from "./rule-list.js"
import { STOCK_REFUSALS } from "./stock-update-refusal.js"

/**
 * Injected update_stock refusals, for the cases a test cannot reach through state: a model (or
 * every model of an item) lands in failure_list with the given reason. `with_error` also puts
 * Shopee's top-level error beside the partial answer, which Shopee does and clients miss.
 */
export interface StockFailureInput {
  item_id: number
  /** Omitted or null: every model of the item. */
  model_id?: number | null
  failed_reason?: string
  times?: number | null
  with_error?: boolean
}

export interface StockFailureRule {
  id: number
  item_id: number
  model_id: number | null
  failed_reason: string
  remaining: number | null
  with_error: boolean
  hits: number
}

export class StockFailures extends RuleList<StockFailureRule> {
  add(input: StockFailureInput): StockFailureRule {
    return this.addRule((id) => ({
      id,
      item_id: input.item_id,
      model_id: input.model_id ?? null,
      failed_reason: input.failed_reason ?? STOCK_REFUSALS.underPromotion,
      remaining: input.times ?? null,
      with_error: input.with_error ?? false,
      hits: 0,
    }))
  }

  /** The first live rule for this model, counted as a hit; null when none applies. */
  take(itemId: number, modelId: number): StockFailureRule | null {
    const rule = this.active().find((r) => r.item_id === itemId && (r.model_id === null || r.model_id === modelId))
    if (!rule) return null
    this.hit(rule)
    return rule
  }
}
