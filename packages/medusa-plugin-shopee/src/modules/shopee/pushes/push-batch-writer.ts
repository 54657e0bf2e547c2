import type { RunSql } from "./rejected-push-limit"

/** Pushes committed together at most, and how long the first of a batch waits for others. */
export type PushBatchBounds = { max_rows: number; linger_ms: number }

export const DEFAULT_PUSH_BATCH: PushBatchBounds = { max_rows: 64, linger_ms: 3 }

/** The columns a new push row is written with; the rest take their defaults. */
export const PUSH_ROW_COLUMNS = [
  "id",
  "environment",
  "profile_id",
  "path",
  "headers",
  "raw_body",
  "raw_body_base64",
  "body_bytes",
  "source",
  "signature_ok",
  "code",
  "shop_id",
  "order_sn",
  "shopee_timestamp",
  "parse_error",
  "dedupe_key",
  "status",
  "processed",
  "status_reason",
  "attempts",
] as const

export type PushRow = { [column in (typeof PUSH_ROW_COLUMNS)[number]]: unknown } & { id: string }

/**
 * One statement for many pushes: a row already received (same environment and dedupe key,
 * in the table or earlier in the same statement) is skipped, not an error, and is absent from
 * what it returns.
 */
export function multiRowInsert(rows: PushRow[]): { text: string; params: unknown[] } {
  const params: unknown[] = []
  const tuples = rows.map((row) => {
    for (const column of PUSH_ROW_COLUMNS) {
      const value = row[column]
      params.push(column === "headers" && value !== null && value !== undefined ? JSON.stringify(value) : (value ?? null))
    }
    return `(${PUSH_ROW_COLUMNS.map(() => "?").join(", ")})`
  })
  const text =
    `insert into "shopee_raw_event" (${PUSH_ROW_COLUMNS.map((column) => `"${column}"`).join(", ")}) values ${tuples.join(", ")} ` +
    `on conflict ("environment", "dedupe_key") where dedupe_key is not null and deleted_at is null do nothing returning *`
  return { text, params }
}

type Waiting = { row: PushRow; resolve: (stored: Record<string, unknown> | null) => void; reject: (error: unknown) => void }

/**
 * Writes new pushes several at a time: the first waits `linger_ms` for others (or until
 * `max_rows`), then all are committed in one statement and each caller learns its own fate
 * only after that commit: its stored row, or null for a push already received. A failed
 * statement fails every push of its batch. Batches do not wait for one another.
 */
export class PushBatchWriter {
  private waiting: Waiting[] = []
  private timer: NodeJS.Timeout | undefined

  constructor(
    private readonly sql: RunSql,
    private readonly bounds: PushBatchBounds = DEFAULT_PUSH_BATCH
  ) {}

  insert(row: PushRow): Promise<Record<string, unknown> | null> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ row, resolve, reject })
      if (this.waiting.length >= this.bounds.max_rows) {
        this.flush()
      } else if (!this.timer) {
        this.timer = setTimeout(() => this.flush(), this.bounds.linger_ms)
      }
    })
  }

  private flush(): void {
    clearTimeout(this.timer)
    this.timer = undefined
    const batch = this.waiting
    this.waiting = []
    if (batch.length === 0) return
    const { text, params } = multiRowInsert(batch.map((waiting) => waiting.row))
    this.sql(text, params).then(
      (stored) => {
        const byId = new Map(stored.map((row) => [row.id as string, row]))
        for (const waiting of batch) waiting.resolve(byId.get(waiting.row.id) ?? null)
      },
      (error: unknown) => {
        for (const waiting of batch) waiting.reject(error)
      }
    )
  }
}
