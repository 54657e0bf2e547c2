/**
 * Turns the dirty marks that inventory, reservation and order events leave on variants into the
 * next fast-path run. A burst (an order of ten lines, a stock import) marks many variants within
 * moments: waiting for a short quiet spell sends them in one run instead of ten. A steady stream
 * never goes quiet, so the oldest mark also bounds the wait.
 *
 * The caller deletes exactly the marks taken (not "every mark of these variants"): a mark left
 * while the run reads and writes must survive it, or that change would wait for the full resync.
 */

export type DirtyMark = { variant_id: string; marked_at: number }

export type DirtyBatchRule = {
  /** Run once no mark has arrived for this long. */
  quiet_ms: number
  /** Run at the latest this long after the oldest mark, quiet or not. */
  max_wait_ms: number
  /** Variants per run; the rest stay marked for the next run. */
  max_batch: number
}

export const DIRTY_BATCH_RULE: DirtyBatchRule = { quiet_ms: 2_000, max_wait_ms: 10_000, max_batch: 200 }

export type DirtyBatchDecision<M extends DirtyMark> =
  | { run: "idle" }
  | { run: "wait"; wait_ms: number }
  | {
      run: "now"
      /** Distinct variants, longest waiting first. */
      variant_ids: string[]
      /** Every mark of those variants, as given: delete exactly these after the run. */
      marks_taken: M[]
      /** Variants left marked because the batch was full. */
      variants_left: number
    }

export function decideDirtyBatch<M extends DirtyMark>(
  marks: M[],
  now: number,
  rule: DirtyBatchRule = DIRTY_BATCH_RULE
): DirtyBatchDecision<M> {
  if (marks.length === 0) return { run: "idle" }
  const times = marks.map((mark) => mark.marked_at)
  // A mark stamped ahead of this clock (another instance's) counts as just made.
  const quietFor = Math.max(0, now - Math.max(...times))
  const waitedFor = Math.max(0, now - Math.min(...times))
  if (quietFor < rule.quiet_ms && waitedFor < rule.max_wait_ms) {
    return { run: "wait", wait_ms: Math.min(rule.quiet_ms - quietFor, rule.max_wait_ms - waitedFor) }
  }
  const firstMarked = new Map<string, number>()
  for (const mark of marks) {
    const seen = firstMarked.get(mark.variant_id)
    if (seen === undefined || mark.marked_at < seen) firstMarked.set(mark.variant_id, mark.marked_at)
  }
  const ordered = [...firstMarked.entries()].sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0])).map(([id]) => id)
  const variant_ids = ordered.slice(0, rule.max_batch)
  const taken = new Set(variant_ids)
  return {
    run: "now",
    variant_ids,
    marks_taken: marks.filter((mark) => taken.has(mark.variant_id)),
    variants_left: ordered.length - variant_ids.length,
  }
}
