import type { RunSql } from "./rejected-push-limit"

export type TrimmedPushRecords = { rejected: number; duplicate: number; tallies: number }

const DAY_MS = 24 * 60 * 60 * 1000

/**
 * Deletes, for good, what only told a person about pushes that were never processed: rejected
 * and duplicate pushes, and the per-minute counts of refused ones, older than `retentionDays`.
 * Every other push stays: its row is the record of what the connector did with it.
 */
export async function trimPushRecords(sql: RunSql, retentionDays: number, now: Date): Promise<TrimmedPushRecords> {
  const cutoff = new Date(now.getTime() - retentionDays * DAY_MS)
  const events = await sql(
    `with "gone" as (delete from "shopee_raw_event" where "status" in ('rejected', 'duplicate') and "created_at" < ? returning "status")
     select count(*) filter (where "status" = 'rejected')::int as "rejected", count(*) filter (where "status" = 'duplicate')::int as "duplicate" from "gone"`,
    [cutoff]
  )
  const tallies = await sql(
    `with "gone" as (delete from "shopee_rejected_push_tally" where "window_start" < ? returning 1) select count(*)::int as "tallies" from "gone"`,
    [cutoff]
  )
  return { rejected: Number(events[0].rejected), duplicate: Number(events[0].duplicate), tallies: Number(tallies[0].tallies) }
}
