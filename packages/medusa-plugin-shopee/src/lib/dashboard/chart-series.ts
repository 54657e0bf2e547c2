/**
 * The overview's charts, shaped from grouped rows: every slot of the window is present (an hour
 * or a day with nothing is a 0, not a gap), open exceptions fall into age buckets, and the push
 * success rate is computed here. Slots are UTC: the database groups in UTC, the browser labels
 * them in the reader's time zone.
 */

const HOUR_MS = 60 * 60 * 1000
const DAY_MS = 24 * HOUR_MS

/**
 * Shopee disables a push subscription when more than 600 pushes in 6 hours have under 30 %
 * success (SHOPEE.md). Its push guide also warns by email below 70 %: that figure is not in
 * SHOPEE.md and was not found in the stored docs, so it is kept beside the other as the level
 * to watch, not as a documented fact.
 */
export const PUSH_THRESHOLDS = { warn_rate: 0.7, suspend_rate: 0.3, window_hours: 6, min_pushes: 600 } as const

/** Oldest first; the last slot is the one `now` falls in. */
export function hourSlots(now: Date, hours: number): string[] {
  const current = Math.floor(now.getTime() / HOUR_MS) * HOUR_MS
  return Array.from({ length: hours }, (_, index) => new Date(current - (hours - 1 - index) * HOUR_MS).toISOString())
}

/** `YYYY-MM-DD` (UTC), oldest first; the last is today. */
export function daySlots(now: Date, days: number): string[] {
  const today = Math.floor(now.getTime() / DAY_MS) * DAY_MS
  return Array.from({ length: days }, (_, index) => new Date(today - (days - 1 - index) * DAY_MS).toISOString().slice(0, 10))
}

/** Where the window starts: what the queries filter on. */
export function windowStart(slots: string[]): Date {
  return new Date(slots[0])
}

export type OrdersDayRow = { day: string; environment: string; count: number | string }
export type OrdersDay = { day: string; total: number; by_environment: Record<string, number> }

/** Imported orders per day, per environment of `environments` (each present, 0 when none). */
export function fillOrdersPerDay(slots: string[], rows: OrdersDayRow[], environments: readonly string[]): OrdersDay[] {
  const byDay = new Map(slots.map((day) => [day, Object.fromEntries(environments.map((environment) => [environment, 0]))]))
  for (const row of rows) {
    const counts = byDay.get(row.day)
    if (counts && row.environment in counts) counts[row.environment] += Number(row.count)
  }
  return slots.map((day) => {
    const by_environment = byDay.get(day)!
    return { day, total: Object.values(by_environment).reduce((sum, count) => sum + count, 0), by_environment }
  })
}

export type PushEventRow = { hour: string; status: string; count: number | string }
export type PushRefusedRow = { hour: string; refused: number | string }
export type PushHour = { hour: string; received: number; accepted: number; rejected: number; failed: number; success_rate: number | null }

/**
 * Per hour: every push recorded was answered 200 (a push is stored before its answer; one over
 * the rejected-push rate limit is only counted, in the tally). `rejected` are those answered 200
 * but unusable (signature or body refused, stored or only counted); `accepted` the rest; `failed`
 * those accepted whose processing failed. The rate is accepted over received, none for an hour
 * without pushes. A 503 (not stored in time) is logged, not recorded, so it is in no figure.
 */
export function fillPushHours(slots: string[], events: PushEventRow[], refused: PushRefusedRow[]): PushHour[] {
  const empty = () => ({ received: 0, rejected: 0, failed: 0 })
  const byHour = new Map(slots.map((hour) => [hour, empty()]))
  for (const row of events) {
    const figures = byHour.get(row.hour)
    if (!figures) continue
    const count = Number(row.count)
    figures.received += count
    if (row.status === "rejected") figures.rejected += count
    if (row.status === "failed") figures.failed += count
  }
  for (const row of refused) {
    const figures = byHour.get(row.hour)
    if (!figures) continue
    figures.received += Number(row.refused)
    figures.rejected += Number(row.refused)
  }
  return slots.map((hour) => {
    const { received, rejected, failed } = byHour.get(hour)!
    const accepted = received - rejected
    return { hour, received, accepted, rejected, failed, success_rate: successRate(accepted, received) }
  })
}

export function successRate(accepted: number, received: number): number | null {
  return received === 0 ? null : accepted / received
}

export const AGE_BUCKETS = ["under_1h", "under_1d", "under_1w", "older"] as const
export type AgeBucket = (typeof AGE_BUCKETS)[number]

/** Whole hours since the exception was first seen. */
export function ageBucket(ageHours: number): AgeBucket {
  if (ageHours < 1) return "under_1h"
  if (ageHours < 24) return "under_1d"
  if (ageHours < 24 * 7) return "under_1w"
  return "older"
}

/** Ages past a week all fall in `older`: the query caps them here to keep its groups few. */
export const AGE_CAP_HOURS = 24 * 7

export type ExceptionAgeRow = { kind: string; age_hours: number | string; count: number | string }
export type ExceptionKind = { kind: string; total: number; by_age: Record<AgeBucket, number> }

/** Open exceptions per kind, most first (then by name), each split by age bucket. */
export function exceptionsByKindAndAge(rows: ExceptionAgeRow[]): ExceptionKind[] {
  const byKind = new Map<string, ExceptionKind>()
  for (const row of rows) {
    const entry =
      byKind.get(row.kind) ??
      byKind
        .set(row.kind, {
          kind: row.kind,
          total: 0,
          by_age: Object.fromEntries(AGE_BUCKETS.map((bucket) => [bucket, 0])) as Record<AgeBucket, number>,
        })
        .get(row.kind)!
    const count = Number(row.count)
    entry.total += count
    entry.by_age[ageBucket(Number(row.age_hours))] += count
  }
  return [...byKind.values()].sort((a, b) => b.total - a.total || a.kind.localeCompare(b.kind))
}

export type StockHourRow = { hour: string; written: number | string; failed: number | string }
export type StockHour = { hour: string; written: number; failed: number }

/** Stock writes Shopee accepted and refused, per hour the run started in. */
export function fillStockHours(slots: string[], rows: StockHourRow[]): StockHour[] {
  const byHour = new Map(slots.map((hour) => [hour, { written: 0, failed: 0 }]))
  for (const row of rows) {
    const figures = byHour.get(row.hour)
    if (!figures) continue
    figures.written += Number(row.written)
    figures.failed += Number(row.failed)
  }
  return slots.map((hour) => ({ hour, ...byHour.get(hour)! }))
}
