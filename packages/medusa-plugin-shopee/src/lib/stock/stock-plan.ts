import type { StockTarget } from "./stock-target"

/**
 * One row per mapped model: what Shopee shows, what it should show, and what the writer will do
 * about it. The plan is what a person sees before arming the writer, so every row says why.
 *
 * - `write`: the writer sends it (after the re-read guard, which may still lower the value).
 * - `none`: nothing to do: in sync, or the mode does not allow this direction.
 * - `skip`: this model is never written (not managed by Medusa, banned, not on Shopee).
 * - `hold`: it should change but not now (writer off, item under promotion, a failure that
 *   only a person can clear).
 */

/** Off plans but never writes (the dry-run view shows what Mirror would do); Decrease only never raises Shopee. */
export type StockMode = "off" | "decrease_only" | "mirror"

export type ModelState = "sellable" | "banned" | "promotion_locked"

export type LastWriteFailure = {
  /** The value whose write failed. */
  stock: number
  reason: string
  retry_can_help: boolean
}

export type PlanModelInput = {
  item_id: number
  model_id: number
  variant_id: string
  /** Shopee's seller stock for the model; null when the read did not return the model. */
  shopee_now: number | null
  target: StockTarget
  state: ModelState
  last_failure: LastWriteFailure | null
}

export type PlanAction = "write" | "none" | "skip" | "hold"

export type PlanRow = {
  item_id: number
  model_id: number
  variant_id: string
  shopee_now: number | null
  target: number | null
  action: PlanAction
  reason: string
}

export function planStockModel(model: PlanModelInput, mode: StockMode): PlanRow {
  const target = model.target.action === "target" ? model.target.target : null
  const row = (action: PlanAction, reason: string): PlanRow => ({
    item_id: model.item_id,
    model_id: model.model_id,
    variant_id: model.variant_id,
    shopee_now: model.shopee_now,
    target,
    action,
    reason,
  })
  if (model.target.action === "skip") return row("skip", model.target.reason)
  if (model.shopee_now === null) return row("skip", "not found on Shopee: re-read the catalogue")
  if (model.state === "banned") return row("skip", "banned on Shopee")
  const now = model.shopee_now
  const wanted = model.target.target
  if (wanted === now) return row("none", "in sync")
  if (mode === "decrease_only" && wanted > now) {
    return row("none", `decrease only: Shopee ${now} stays below the target ${wanted}`)
  }
  if (mode === "off") return row("hold", `writer off: would set ${now} to ${wanted}`)
  if (model.state === "promotion_locked") return row("hold", "locked by promotion: Shopee refuses stock changes until it ends")
  const failure = model.last_failure
  // A failure that waiting cannot fix is held for the same value only: a new value may succeed.
  if (failure && !failure.retry_can_help && failure.stock === wanted) {
    return row("hold", `last write of ${wanted} failed (${failure.reason}): held until a person clears it`)
  }
  const pending = model.target.pending_shopee_sales ?? 0
  const why = wanted > now ? `restocked: ${now} to ${wanted}` : `${now} to ${wanted}`
  return row("write", pending > 0 ? `${why}; ${pending} sold on Shopee not yet imported` : why)
}

export function planStock(models: PlanModelInput[], mode: StockMode): PlanRow[] {
  return models.map((model) => planStockModel(model, mode))
}
