import type { MedusaContainer } from "@medusajs/framework/types"
import { decideDirtyBatch, type DirtyBatchRule } from "../../lib/stock/dirty-mark-batch"
import { resolveShopee } from "../../lib/shopee-module"
import { deleteDirtyMarks, listDirtyMarks } from "../../modules/shopee/stock/dirty-marks"
import { runStockSync } from "./run-stock-sync"

/**
 * The fast path's batching. A store sale leaves its marks within a few hundred milliseconds
 * (the reservation, its level, the order), so a short quiet spell gathers them into one run
 * and the whole path, run included, stays near the 2-second goal; a steady stream still runs
 * at the latest a second and a half after its oldest mark.
 */
export const FAST_PATH_RULE: DirtyBatchRule = { quiet_ms: 300, max_wait_ms: 1_500, max_batch: 200 }

/**
 * Wake-ups in this process only: the marks themselves are in the database, and the
 * once-a-minute job flushes whatever a process left behind (one that stopped between a mark and
 * its run).
 */
let timer: NodeJS.Timeout | null = null
let running = false
let wokenWhileRunning = false

/** Asks for a flush soon; calls while one is due or running fold into it. */
export function wakeStockWriter(container: MedusaContainer, afterMs = FAST_PATH_RULE.quiet_ms): void {
  if (running) {
    wokenWhileRunning = true
    return
  }
  if (timer) return
  timer = setTimeout(() => {
    timer = null
    void flushStockMarksNow(container)
  }, afterMs)
  timer.unref?.()
}

/** Flushes now (one flush at a time in this process), then wakes again if marks are still waiting. */
export async function flushStockMarksNow(container: MedusaContainer): Promise<void> {
  if (running) {
    wokenWhileRunning = true
    return
  }
  running = true
  wokenWhileRunning = false
  let waitMs: number | null = null
  try {
    waitMs = await flushDirtyMarks(container)
  } catch (error) {
    container.resolve("logger").warn(`Shopee stock fast path failed: ${(error as Error).message}; its marks stay for the next flush`)
  } finally {
    running = false
  }
  if (waitMs !== null) wakeStockWriter(container, waitMs)
  else if (wokenWhileRunning) wakeStockWriter(container)
}

/**
 * Takes the marks due under the rule, runs the writer for their variants and deletes exactly
 * those marks, until none is due; answers how long to wait for the marks not yet due (null
 * when none is left). A run that throws leaves its marks for the next flush. When the writer
 * has nothing to do (Off, disarmed, not connected) the marks are dropped all the same: the
 * full resync re-reads everything once it runs.
 */
export async function flushDirtyMarks(container: MedusaContainer, rule: DirtyBatchRule = FAST_PATH_RULE): Promise<number | null> {
  const shopee = resolveShopee(container)
  for (;;) {
    const decision = decideDirtyBatch(await listDirtyMarks(shopee), Date.now(), rule)
    if (decision.run === "idle") return null
    if (decision.run === "wait") return decision.wait_ms
    await runStockSync(container, { trigger: "fast", variant_ids: decision.variant_ids })
    await deleteDirtyMarks(shopee, decision.marks_taken)
  }
}
