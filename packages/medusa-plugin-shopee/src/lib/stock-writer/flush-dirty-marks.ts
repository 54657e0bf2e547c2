import type { MedusaContainer } from "@medusajs/framework/types"
import { decideDirtyBatch, type DirtyBatchRule } from "../stock/dirty-mark-batch"
import { resolveShopee } from "../shopee-module"
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
