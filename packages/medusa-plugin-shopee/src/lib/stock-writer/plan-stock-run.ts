import type { PlanModelInput } from "../stock/stock-plan"
import { planStock } from "../stock/stock-plan"
import { computeStockTarget, type StockTarget } from "../stock/stock-target"
import { judgePlan, type PlanVerdict } from "../stock/plan-refusal"
import { pendingShopeeSales } from "../stock/absolute-write-guard"
import {
  anchorColumns,
  anchorOf,
  lastFailureOf,
  loadModelStates,
  modelKey,
  saveModelStates,
  type ModelStateChange,
} from "../../modules/shopee/stock/model-states"
import { storePlan, type PlannedRow, type StockRunRow } from "../../modules/shopee/stock/stock-runs"
import { readImportedTotals } from "./read-imported-totals"
import { readMedusaStock, shopeeChannelLocationIds } from "./read-medusa-stock"
import { readShopeeStock } from "./read-shopee-stock"
import type { MappedModel, StockRunContext } from "./stock-run-context"

export type StockPlan = {
  rows: Map<string, StockRunRow>
  verdict: PlanVerdict
  /** The mapped models by `item:model`, for the writes. */
  mapped: Map<string, MappedModel>
}

/**
 * Reads both sides for these mapped models, plans each one, judges the plan and stores it
 * with its rows before anything is written. A plan that is not refused also becomes the
 * "previous read" the next plan is judged against, and each model's re-read anchor.
 *
 * The reads follow the absolute-write guard's order (imported totals, Medusa, Shopee), so the
 * plan takes the Shopee sales not yet imported off each target: a model Shopee shows at
 * Medusa's figure is not "in sync" while a Shopee buyer's unit is still on its way.
 */
export async function planStockRun(context: StockRunContext, mapped: MappedModel[]): Promise<StockPlan> {
  const { container, shopee, profile, setting } = context
  const itemIds = mapped.map((model) => model.item_id)
  const imported = await readImportedTotals(
    container,
    { environment: context.environment, shop_id: context.shop_id },
    mapped.map((model) => model.variant_id)
  )
  const medusa = await readMedusaStock(
    container,
    mapped.map((model) => model.variant_id)
  )
  const channelLocationIds = await shopeeChannelLocationIds(container)
  const shopeeRead = await readShopeeStock(context.shop, itemIds)
  const states = await loadModelStates(shopee, profile.id, itemIds)

  const inputs: (PlanModelInput & { map_id: string; available: number | null; anchor: ModelStateChange | null })[] = mapped.map((model) => {
    const key = modelKey(model.item_id, model.model_id)
    const read = shopeeRead.models.get(key)
    const variant = medusa.get(model.variant_id)
    const state = states.get(key)
    const importedNow = imported.get(model.variant_id) ?? 0
    const pending = read
      ? pendingShopeeSales({ anchor: anchorOf(state), shopee_now: read.seller_stock, imported_total_now: importedNow }).pending
      : 0
    const target: StockTarget = variant
      ? computeStockTarget(variant, {
          channel_location_ids: channelLocationIds,
          default_location_id: profile.default_location_id,
          buffer: setting.buffer,
          promotion_reserved: read?.promotion_reserved ?? model.reserved_stock ?? 0,
          pending_shopee_sales: pending,
        })
      : { action: "skip", reason: `variant ${model.variant_id} no longer exists in Medusa` }
    return {
      map_id: model.id,
      item_id: Number(model.item_id),
      model_id: Number(model.model_id),
      variant_id: model.variant_id,
      shopee_now: read?.seller_stock ?? null,
      target,
      // A fresh read wins over the map (a ban pushed by Shopee stands until a read says
      // otherwise), and a lock learned from a refused write ends when Shopee shows no promotion.
      state:
        (read?.item_status ?? model.item_status) === "BANNED"
          ? "banned"
          : state?.promotion_locked && read?.has_promotion !== false
            ? "promotion_locked"
            : "sellable",
      last_failure: lastFailureOf(state),
      available: target.action === "target" ? target.available : null,
      anchor: read ? anchorColumns({ shopee_stock: read.seller_stock, pending, imported_total: importedNow }) : null,
    }
  })
  const planned = planStock(inputs, setting.mode)
  const rows: PlannedRow[] = planned.map((row, index) => ({ ...row, map_id: inputs[index].map_id, available: inputs[index].available }))

  const verdict = judgePlan({
    medusa_read_complete: true,
    shopee_read_complete: shopeeRead.complete,
    medusa_reads: inputs.flatMap((input) => {
      const previous = states.get(modelKey(input.item_id, input.model_id))?.last_medusa_available ?? null
      return input.available === null ? [] : [{ previous, now: input.available }]
    }),
    shopee_reads: inputs.flatMap((input) => {
      const previous = states.get(modelKey(input.item_id, input.model_id))?.last_shopee_stock ?? null
      return input.shopee_now === null ? [] : [{ previous, now: input.shopee_now }]
    }),
    planned_writes: planned.filter((row) => row.action === "write").length,
    max_writes_per_run: setting.max_writes_per_run,
  })
  if (!verdict.refused) {
    await rememberReads(context, inputs)
    if (context.run.trigger !== "dry_run") await raiseSuspectedOversells(context, inputs)
  }
  const stored = await storePlan(shopee, context.run, rows)
  return { rows: stored, verdict, mapped: new Map(mapped.map((model) => [modelKey(model.item_id, model.model_id), model])) }
}

/**
 * Only an accepted plan's reads become the reference: a refused one must not make its zeros look
 * normal. The Shopee read, with the pending count and imported total before it, is also the
 * model's anchor: without it, a model that was never written (already in sync) would count no
 * Shopee sale as pending. A model then written re-anchors at its write.
 */
async function rememberReads(
  context: StockRunContext,
  inputs: { item_id: number; model_id: number; shopee_now: number | null; available: number | null; anchor: ModelStateChange | null }[]
) {
  const changes = new Map<string, { item_id: string; model_id: string; change: ModelStateChange }>()
  for (const input of inputs) {
    const change: ModelStateChange = { ...input.anchor }
    if (input.available !== null) change.last_medusa_available = input.available
    if (input.shopee_now !== null) change.last_shopee_stock = input.shopee_now
    if (Object.keys(change).length) {
      changes.set(modelKey(input.item_id, input.model_id), { item_id: String(input.item_id), model_id: String(input.model_id), change })
    }
  }
  await saveModelStates(context.shopee, { environment: context.environment, profile_id: context.profile.id }, changes)
}

/**
 * Units sold on Shopee not yet imported beyond what Medusa still has: both channels sold the
 * same unit. Shopee is already at its floor; a person must settle it. One open exception per
 * variant (raising again while it is open changes nothing).
 */
async function raiseSuspectedOversells(context: StockRunContext, inputs: PlanModelInput[]) {
  for (const input of inputs) {
    if (input.target.action !== "target") continue
    const pending = input.target.pending_shopee_sales ?? 0
    if (input.target.available - pending >= 0) continue
    await context.shopee.raiseException({
      environment: context.environment,
      kind: "stock_oversell_suspected",
      message: `Variant ${input.variant_id} (Shopee item ${input.item_id} model ${input.model_id}) looks oversold: Medusa has ${input.target.available}, and ${pending} sold on Shopee is not yet imported (oversold by ${pending - input.target.available}). Shopee is kept at ${input.target.target}; check the orders of both channels.`,
      payload_ref: `${context.environment}:${input.variant_id}`,
    })
  }
}
