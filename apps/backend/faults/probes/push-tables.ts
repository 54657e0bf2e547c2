import pg from "pg"

/** The tables a push writes to: what a flood of rejected pushes could grow. */
export const PUSH_TABLES = ["shopee_raw_event", "connector_exception", "shopee_rejected_push_tally"] as const

export type PushTableFigures = {
  /** `shopee_raw_event` rows. */
  rows: number
  /** Bytes on disk of the push tables, with their indexes and TOAST. */
  tableBytes: number
  /** Bytes of the stored bodies and headers. */
  storedBytes: number
  openExceptions: number
  /** Rejected pushes the open exceptions count (a burst folds into one exception). */
  occurrences: number
  /** Rejected pushes over the rate limit: counted, not stored. */
  refused: number
}

/** What the push tables hold now, for a before/after difference. */
export async function pushTableFigures(sql: pg.Pool | pg.Client): Promise<PushTableFigures> {
  const { rows } = await sql.query(`
    select (select count(*) from shopee_raw_event)::int as rows,
           (${PUSH_TABLES.map((table) => `pg_total_relation_size('${table}')`).join(" + ")})::bigint as table_bytes,
           (select coalesce(sum(octet_length(raw_body) + coalesce(octet_length(raw_body_base64), 0) + coalesce(octet_length(headers::text), 0)), 0) from shopee_raw_event)::bigint as stored_bytes,
           (select count(*) from connector_exception where status in ('open', 'retrying'))::int as open_exceptions,
           (select coalesce(sum(occurrences), 0) from connector_exception where status in ('open', 'retrying'))::int as occurrences,
           (select coalesce(sum(refused), 0) from shopee_rejected_push_tally where source = '*')::int as refused`)
  const row = rows[0]
  return {
    rows: row.rows,
    tableBytes: Number(row.table_bytes),
    storedBytes: Number(row.stored_bytes),
    openExceptions: row.open_exceptions,
    occurrences: row.occurrences,
    refused: row.refused,
  }
}
