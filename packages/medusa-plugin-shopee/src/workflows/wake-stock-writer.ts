import type { MedusaContainer } from "@medusajs/framework/types"
import { FAST_PATH_RULE } from "../lib/stock-writer/flush-dirty-marks"
import { flushShopeeStockMarksWorkflow } from "./flush-shopee-stock-marks"

/**
 * Wake-ups of the fast path in this process only: the marks themselves are in the database, and
 * the once-a-minute job flushes whatever a process left behind (one that stopped between a mark
 * and its run). Calls while a flush is due or running fold into it.
 */
let timer: NodeJS.Timeout | null = null
let running = false
let wokenWhileRunning = false

/** Asks for a flush soon, after the fast path's quiet spell. */
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
    waitMs = (await flushShopeeStockMarksWorkflow(container).run({ input: {} })).result
  } catch (error) {
    container.resolve("logger").warn(`Shopee stock fast path failed: ${(error as Error).message}; its marks stay for the next flush`)
  } finally {
    running = false
  }
  if (waitMs !== null) wakeStockWriter(container, waitMs)
  else if (wokenWhileRunning) wakeStockWriter(container)
}
