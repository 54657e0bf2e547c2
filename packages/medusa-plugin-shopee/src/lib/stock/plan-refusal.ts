/**
 * Refuses a plan that looks like a broken read rather than a real change of stock. Writing a
 * wrong plan is worse than writing nothing: zeros pushed to Shopee hide the whole shop, and
 * writes cannot be taken back before buyers see them. A refused run writes nothing; the reason
 * names the rule and its figures so that a person can tell a bad read from a real sell-out.
 */

export type RefusalRule = "incomplete_read" | "sudden_zeros" | "over_cap"

export type PlanVerdict = { refused: false } | { refused: true; rule: RefusalRule; reason: string }

/** One model's stock at the previous read and now; previous null when never read before. */
export type ReadPair = { previous: number | null; now: number }

export type PlanRefusalInput = {
  /** Flags from the readers: false when a page, a batch or a location failed to read. */
  medusa_read_complete: boolean
  shopee_read_complete: boolean
  /** Medusa's available quantity per tracked model (before the buffer, which may be a legitimate 0). */
  medusa_reads: ReadPair[]
  /** Shopee's seller stock per tracked model. */
  shopee_reads: ReadPair[]
  /** Rows whose action is `write`. */
  planned_writes: number
  max_writes_per_run: number
}

export type ZeroRule = {
  /** Below this many models read > 0 last time, a sell-out of most of them is believable. */
  min_tracked: number
  /** Share of those now reading 0 from which the read is distrusted. */
  zero_share: number
}

export const SUDDEN_ZEROS: ZeroRule = { min_tracked: 5, zero_share: 0.8 }

export function judgePlan(input: PlanRefusalInput, zeros: ZeroRule = SUDDEN_ZEROS): PlanVerdict {
  const incomplete = [input.medusa_read_complete ? null : "Medusa", input.shopee_read_complete ? null : "Shopee"].filter(
    (side) => side !== null
  )
  if (incomplete.length > 0) {
    return { refused: true, rule: "incomplete_read", reason: `incomplete read of ${incomplete.join(" and ")}: nothing written` }
  }
  for (const [side, reads] of [
    ["Medusa", input.medusa_reads],
    ["Shopee", input.shopee_reads],
  ] as const) {
    const tracked = reads.filter((read) => read.previous !== null && read.previous > 0)
    const zeroed = tracked.filter((read) => read.now === 0).length
    if (tracked.length >= zeros.min_tracked && zeroed / tracked.length >= zeros.zero_share) {
      return {
        refused: true,
        rule: "sudden_zeros",
        reason:
          `${zeroed} of ${tracked.length} models that had stock now read 0 on ${side} ` +
          `(refused from ${Math.round(zeros.zero_share * 100)} % of at least ${zeros.min_tracked}): nothing written`,
      }
    }
  }
  if (input.planned_writes > input.max_writes_per_run) {
    return {
      refused: true,
      rule: "over_cap",
      reason: `${input.planned_writes} changes planned, more than the cap of ${input.max_writes_per_run} per run: nothing written`,
    }
  }
  return { refused: false }
}
