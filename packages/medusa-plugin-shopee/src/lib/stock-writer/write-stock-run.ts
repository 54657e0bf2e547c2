import type { ExceptionKind } from "../../modules/shopee/exceptions/vocabulary"
import { guardAbsoluteWrite, type AbsoluteWriteDecision } from "../stock/absolute-write-guard"
import { breakerEventOfCall, recordBreakerEvents } from "../stock/stock-circuit-breaker"
import { computeStockTarget } from "../stock/stock-target"
import { groupStockWrites, type StockWrite } from "../stock/update-stock-calls"
import {
  anchorColumns,
  anchorOf,
  loadModelStates,
  modelKey,
  saveModelStates,
  type ModelStateChange,
} from "../../modules/shopee/stock/model-states"
import { updateRunRows, updateStockRun, type StockRun, type StockRunRow } from "../../modules/shopee/stock/stock-runs"
import { breakerOf, saveBreaker } from "../../modules/shopee/stock/stock-settings"
import { readImportedTotals } from "./read-imported-totals"
import { readMedusaStock, shopeeChannelLocationIds } from "./read-medusa-stock"
import { readShopeeStock } from "./read-shopee-stock"
import type { StockRunContext } from "./stock-run-context"
import { writeStockCall } from "./write-shopee-stock"

type RowChange = Partial<StockRunRow> & { id: string }

/**
 * Sends the plan's writes. The models about to be written are read again, in the guard's
 * order (imported totals, then Medusa, then Shopee), and each value passes the absolute-write
 * guard, which keeps back units sold on Shopee and not yet imported. Each update_stock call is
 * verified by reading back, recorded per model, and fed to the circuit breaker; once it
 * disarms, nothing more is sent. A restore sends the planned values as they are.
 */
export async function writeStockRun(context: StockRunContext, writeRows: StockRunRow[], restore: boolean): Promise<StockRun> {
  const { shopee, environment, profile } = context
  let run = await updateStockRun(shopee, context.run.id, { status: "writing", to_write: writeRows.length })
  if (writeRows.length === 0) return finish(context, run)

  const variantIds = writeRows.map((row) => row.variant_id)
  const imported = await readImportedTotals(context.container, { environment, shop_id: context.shop_id }, variantIds)
  const medusa = await readMedusaStock(context.container, variantIds)
  const channelLocationIds = await shopeeChannelLocationIds(context.container)
  const reread = await readShopeeStock(
    context.shop,
    writeRows.map((row) => row.item_id)
  )
  const stillServed = await servesProfile(context)
  if (!reread.complete || !stillServed) {
    const reason = !stillServed
      ? "the served environment or its active profile changed before writing: nothing sent"
      : `re-reading Shopee before writing failed (${reread.error}): nothing sent`
    await updateRunRows(
      shopee,
      writeRows.map((row) => ({ id: row.id, result: "not_sent", guard_reason: reason }))
    )
    await raise(context, "stock_run_failed", `Stock run ${run.id} of the ${environment} shop wrote nothing: ${reason}.`, profile.id)
    return updateStockRun(shopee, run.id, { status: "failed", reason, finished_at: new Date() })
  }

  const states = await loadModelStates(
    shopee,
    profile.id,
    writeRows.map((row) => row.item_id)
  )
  const stateChanges = new Map<string, { item_id: string; model_id: string; change: ModelStateChange }>()
  const changeState = (row: StockRunRow, change: ModelStateChange) => {
    const key = modelKey(row.item_id, row.model_id)
    const entry = stateChanges.get(key) ?? { item_id: row.item_id, model_id: row.model_id, change: {} }
    entry.change = { ...entry.change, ...change }
    stateChanges.set(key, entry)
  }
  const rowChanges: RowChange[] = []
  const writes: StockWrite[] = []
  const decisions = new Map<string, { row: StockRunRow; decision: AbsoluteWriteDecision | null; value: number }>()

  for (const row of writeRows) {
    const key = modelKey(row.item_id, row.model_id)
    const read = reread.models.get(key)
    if (!read) {
      rowChanges.push({ id: row.id, result: "not_sent", guard_reason: "not found on Shopee at the re-read" })
      continue
    }
    if (restore) {
      const value = Math.max(row.target ?? 0, read.promotion_reserved)
      if (value === read.seller_stock) {
        rowChanges.push({ id: row.id, result: "not_sent", guard_reason: `Shopee already shows ${value}` })
        continue
      }
      writes.push({ item_id: Number(row.item_id), model_id: Number(row.model_id), stock: value })
      decisions.set(key, { row, decision: null, value })
      continue
    }
    const variant = medusa.get(row.variant_id)
    const target = variant
      ? computeStockTarget(variant, {
          channel_location_ids: channelLocationIds,
          default_location_id: profile.default_location_id,
          buffer: context.setting.buffer,
          promotion_reserved: read.promotion_reserved,
        })
      : null
    if (!target || target.action === "skip") {
      rowChanges.push({
        id: row.id,
        result: "not_sent",
        guard_reason: target?.action === "skip" ? target.reason : "the variant is gone from Medusa",
      })
      continue
    }
    const decision = guardAbsoluteWrite({
      mode: context.setting.mode === "mirror" ? "mirror" : "decrease_only",
      available: target.available,
      buffer: context.setting.buffer,
      shopee_now: read.seller_stock,
      promotion_reserved: read.promotion_reserved,
      anchor: anchorOf(states.get(key)),
      imported_total_now: imported.get(row.variant_id) ?? 0,
    })
    if (decision.oversell_suspected) {
      await raise(
        context,
        "stock_oversell_suspected",
        `Variant ${row.variant_id} (Shopee item ${row.item_id} model ${row.model_id}) looks oversold: ${decision.reason}. Shopee is kept at ${decision.write ?? read.seller_stock}; check the orders of both channels.`,
        `${environment}:${row.variant_id}`
      )
    }
    if (decision.write === null) {
      rowChanges.push({
        id: row.id,
        result: "not_sent",
        guard_reason: decision.reason,
        pending_shopee_sales: decision.pending_shopee_sales,
      })
      changeState(row, anchorColumns(decision.anchor_if_not_written))
      continue
    }
    writes.push({ item_id: Number(row.item_id), model_id: Number(row.model_id), stock: decision.write })
    decisions.set(key, { row, decision, value: decision.write })
  }

  let breaker = breakerOf(context.setting)
  const counts = { sent: 0, written: 0, failed: 0 }
  for (const call of groupStockWrites(writes)) {
    const rowsOfCall = call.stock_list.map((entry) => decisions.get(modelKey(call.item_id, entry.model_id))!)
    if (breaker.disarmed) {
      for (const { row, value } of rowsOfCall) {
        rowChanges.push({ id: row.id, sent: null, result: "not_sent", guard_reason: `would send ${value}; the writer is disarmed` })
      }
      continue
    }
    const outcomes = await writeStockCall(context.shop, call)
    breaker = recordBreakerEvents(breaker, [breakerEventOfCall(outcomes)])
    for (const outcome of outcomes) {
      const { row, decision, value } = decisions.get(modelKey(call.item_id, outcome.model_id))!
      counts.sent += 1
      const guard = {
        sent: value,
        guard_reason: decision?.reason ?? row.reason,
        pending_shopee_sales: decision?.pending_shopee_sales ?? null,
      }
      if (outcome.status === "written") {
        counts.written += 1
        rowChanges.push({ id: row.id, ...guard, result: "written" })
        changeState(row, {
          ...(decision?.anchor_if_written ? anchorColumns(decision.anchor_if_written) : {}),
          last_shopee_stock: value,
          last_failure_stock: null,
          last_failure_reason: null,
          last_failure_retry_can_help: null,
        })
      } else {
        counts.failed += 1
        const { failure } = outcome
        rowChanges.push({
          id: row.id,
          ...guard,
          result: "failed",
          failure_level: failure.level,
          failure_reason: failure.reason,
          failure_detail: failure.detail,
          retry_can_help: failure.retry_can_help,
        })
        changeState(row, {
          ...(decision ? anchorColumns(decision.anchor_if_not_written) : {}),
          last_failure_stock: value,
          last_failure_reason: failure.reason,
          last_failure_retry_can_help: failure.retry_can_help,
          // Held until a push says the promotion is over (handle-stock-push.ts).
          ...(failure.reason === "locked by promotion" ? { promotion_locked: true } : {}),
        })
      }
    }
    run = await updateStockRun(shopee, run.id, counts)
  }

  await updateRunRows(shopee, rowChanges)
  await saveModelStates(shopee, { environment, profile_id: profile.id }, stateChanges)
  await recordSentOnMap(context, rowChanges, writeRows)
  if (
    breaker.consecutive_system_failures !== context.setting.consecutive_system_failures ||
    breaker.disarmed !== context.setting.disarmed
  ) {
    await saveBreaker(shopee, context.setting, breaker)
    if (breaker.disarmed && !context.setting.disarmed) {
      await raise(
        context,
        "stock_writer_disarmed",
        `The ${environment} stock writer disarmed itself: ${breaker.reason}. Nothing is written to Shopee until a person sets its mode again on the Shopee stock page.`,
        profile.id
      )
    }
  }
  return finish(context, run, counts)
}

async function finish(context: StockRunContext, run: StockRun, counts = { sent: 0, written: 0, failed: 0 }): Promise<StockRun> {
  const status = counts.failed === 0 ? "succeeded" : counts.written > 0 ? "partial" : "failed"
  return updateStockRun(context.shopee, run.id, { ...counts, status, finished_at: new Date() })
}

/** A switch of environment or profile while the run read must not send the old plan to the old shop. */
async function servesProfile(context: StockRunContext): Promise<boolean> {
  if (context.run.trigger !== "dry_run" && (await context.shopee.getActiveEnvironment()) !== context.environment) return false
  return (await context.shopee.getActiveProfile(context.environment)).id === context.profile.id
}

/** The product map keeps the last value sent to each model, as the products page shows it. */
async function recordSentOnMap(context: StockRunContext, changes: RowChange[], rows: StockRunRow[]): Promise<void> {
  const byId = new Map(rows.map((row) => [row.id, row]))
  const now = new Date()
  const written = changes.flatMap((change) => {
    const row = byId.get(change.id)
    return change.result === "written" && row?.map_id
      ? [{ id: row.map_id, last_stock_sent: change.sent, last_stock_sent_at: now, shopee_stock: change.sent }]
      : []
  })
  if (written.length) await context.shopee.updateShopeeProductMaps(written)
}

async function raise(context: StockRunContext, kind: ExceptionKind, message: string, payloadRef: string) {
  await context.shopee.raiseException({ environment: context.environment, kind, message, payload_ref: payloadRef })
}
