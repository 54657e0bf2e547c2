import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { planRestore } from "../stock/restore-plan"
import { judgePlan } from "../stock/plan-refusal"
import { resolveShopee } from "../shopee-module"
import { lockFor } from "../with-lock"
import type { ShopeeEnvironment } from "../../modules/shopee/environments"
import type { StockRunTrigger } from "../../modules/shopee/models/shopee-stock-run"
import { modelKey } from "../../modules/shopee/stock/model-states"
import { beginStockRun, stockRun, stockRunRows, storePlan, updateStockRun, type StockRun } from "../../modules/shopee/stock/stock-runs"
import { stockSettingOf } from "../../modules/shopee/stock/stock-settings"
import { planStockRun } from "./plan-stock-run"
import { readShopeeStock } from "./read-shopee-stock"
import { MAPPED_MODEL_FIELDS, type MappedModel, type StockRunContext } from "./stock-run-context"
import { writeStockRun } from "./write-stock-run"

export type StockSyncRequest =
  /** The fast path: these variants' stock may have changed. */
  | { trigger: "fast"; variant_ids: string[] }
  /** The periodic or on-demand resync of every mapped model. */
  | { trigger: "full"; requested_by?: string | null }
  /** A plan of every mapped model, never written; any environment. */
  | { trigger: "dry_run"; environment: ShopeeEnvironment; requested_by?: string | null }
  /** A person puts back the values Shopee showed before a run. */
  | { trigger: "restore"; restore_of: string; requested_by?: string | null }

export type StockSyncOutcome = { run: StockRun | null; skipped: string | null }

/**
 * One stock writer run for the active profile of the environment this instance serves (a dry
 * run may plan another environment's), under the profile's lock so that two runs of one
 * profile never overlap, whichever process started them. Fast and full runs of a writer that
 * is Off or disarmed, or of a shop not connected, do nothing and say why; a person's request
 * (dry run, restore) is refused with a 409 instead.
 */
export async function runStockSync(container: MedusaContainer, request: StockSyncRequest): Promise<StockSyncOutcome> {
  const shopee = resolveShopee(container)
  const byPerson = request.trigger === "dry_run" || request.trigger === "restore"
  const environment = request.trigger === "dry_run" ? request.environment : await shopee.getActiveEnvironment()
  const profile = await shopee.getActiveProfile(environment)
  const notReady = !profile.complete
    ? `the active ${environment} profile is incomplete (${profile.missing.join(", ")})`
    : (await shopee.getTokenState(environment)).state !== "connected"
      ? `the ${environment} shop is not connected`
      : null
  if (notReady) {
    if (byPerson) throw new MedusaError(MedusaError.Types.CONFLICT, `No stock run: ${notReady}.`)
    return { run: null, skipped: notReady }
  }
  const withLock = lockFor(container)
  return withLock(`shopee-stock:${profile.id}`, async () => {
    const setting = await stockSettingOf(shopee, profile)
    if (!byPerson && (setting.mode === "off" || setting.disarmed)) {
      return {
        run: null,
        skipped: setting.disarmed ? `the ${environment} stock writer is disarmed` : `the ${environment} stock writer is off`,
      }
    }
    const { shop, credentials } = await shopee.getShopApi(environment, withLock)
    const restoreOf = request.trigger === "restore" ? await restorableRun(container, request.restore_of, profile.id) : null
    const run = await beginStockRun(shopee, {
      environment,
      profile_id: profile.id,
      trigger: request.trigger as StockRunTrigger,
      mode: setting.mode,
      restore_of: restoreOf?.id ?? null,
      requested_by: "requested_by" in request ? (request.requested_by ?? null) : null,
    })
    const context: StockRunContext = { container, shopee, environment, profile, setting, shop, shop_id: credentials.shop_id, run }
    try {
      return { run: restoreOf ? await restore(context, restoreOf) : await syncMapped(context, request), skipped: null }
    } catch (error) {
      const message = `Stock run ${run.id} of the ${environment} shop failed: ${(error as Error).message}`
      await updateStockRun(shopee, run.id, { status: "failed", reason: message, finished_at: new Date() })
      await shopee.raiseException({ environment, kind: "stock_run_failed", message, payload_ref: profile.id })
      throw error
    }
  })
}

async function syncMapped(context: StockRunContext, request: StockSyncRequest): Promise<StockRun> {
  const { shopee, profile, environment } = context
  const mapped = (await shopee.listShopeeProductMaps(
    {
      profile_id: profile.id,
      match_state: "matched",
      variant_id: request.trigger === "fast" ? [...new Set(request.variant_ids)] : { $ne: null },
    },
    { select: MAPPED_MODEL_FIELDS, order: { item_id: "ASC", model_id: "ASC" } }
  )) as MappedModel[]
  await updateStockRun(shopee, context.run.id, { models: mapped.length })
  const plan = await planStockRun(context, mapped)
  if (plan.verdict.refused) {
    const reason = plan.verdict.reason
    if (request.trigger !== "dry_run") {
      await shopee.raiseException({
        environment,
        kind: "stock_plan_refused",
        message: `The ${environment} stock plan was refused (${plan.verdict.rule}): ${reason}. Check Medusa's inventory and the Shopee shop; the writer tries again at its next run.`,
        payload_ref: profile.id,
      })
    }
    return updateStockRun(shopee, context.run.id, { status: "refused", refusal_rule: plan.verdict.rule, reason, finished_at: new Date() })
  }
  const writeRows = [...plan.rows.values()].filter((row) => row.action === "write")
  if (request.trigger === "dry_run") {
    return updateStockRun(shopee, context.run.id, {
      status: "planned",
      to_write: writeRows.length,
      reason: "dry run: nothing written",
      finished_at: new Date(),
    })
  }
  return writeStockRun(context, writeRows, false)
}

/** The run to restore: one of this profile's runs that wrote something. */
async function restorableRun(container: MedusaContainer, runId: string, profileId: string): Promise<StockRun> {
  const shopee = resolveShopee(container)
  const original = await stockRun(shopee, runId)
  if (original.profile_id !== profileId) {
    throw new MedusaError(
      MedusaError.Types.CONFLICT,
      `Stock run ${runId} wrote to another profile's shop, not the one this instance serves now; it cannot be restored here.`
    )
  }
  if (original.written === 0) {
    throw new MedusaError(MedusaError.Types.CONFLICT, `Stock run ${runId} wrote nothing: there is nothing to restore.`)
  }
  return original
}

/** A restore is planned, stored and judged like any run, then writes the prior values. */
async function restore(context: StockRunContext, original: StockRun): Promise<StockRun> {
  const { shopee } = context
  const source = await stockRunRows(shopee, original.id)
  const read = await readShopeeStock(
    context.shop,
    source.map((row) => row.item_id)
  )
  const planned = planRestore(source, (row) => read.models.get(modelKey(row.item_id, row.model_id)))
  const mapIds = new Map(source.map((row) => [modelKey(row.item_id, row.model_id), row.map_id]))
  const rows = await storePlan(
    shopee,
    context.run,
    planned.map((row) => ({ ...row, map_id: mapIds.get(modelKey(row.item_id, row.model_id)) ?? null, available: null }))
  )
  const writeRows = [...rows.values()].filter((row) => row.action === "write")
  await updateStockRun(shopee, context.run.id, { models: planned.length })
  const verdict = judgePlan({
    medusa_read_complete: true,
    shopee_read_complete: read.complete,
    medusa_reads: [],
    shopee_reads: [],
    planned_writes: writeRows.length,
    max_writes_per_run: context.setting.max_writes_per_run,
  })
  if (verdict.refused) {
    return updateStockRun(shopee, context.run.id, {
      status: "refused",
      refusal_rule: verdict.rule,
      reason: verdict.reason,
      finished_at: new Date(),
    })
  }
  return writeStockRun(context, writeRows, true)
}
