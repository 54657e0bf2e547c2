import pg from "pg"
import { pushTableFigures } from "../probes/push-tables"
import type { Scenario } from "../scenario"

const SECONDS = 10
const CLIENTS = 8
/** What a rejected push may keep (issue 19): a prefix of its body (the default `rejected_push_body_bytes`), and Shopee-shaped headers. */
const MAX_BODY_BYTES_KEPT = 2048
const MAX_HEADER_BYTES_KEPT = 1024
/**
 * On disk, with indexes and page overhead: at most a page per stored row, and a few pages the
 * tables and their indexes may allocate ahead. A stored 64 kB body would be far over.
 */
const MAX_TABLE_BYTES_PER_ROW = 8 * 1024
const TABLE_BYTES_SLACK = 64 * 1024

/** The rejected pushes of the flood, in turn: a bad signature, a 64 kB body, an 8 kB Authorization that is no signature. */
function rejectedPush(n: number): { body: string; authorization: string } {
  const body = JSON.stringify({ code: 3, shop_id: 820001, timestamp: 1760000000 + n, data: { ordersn: `FLOOD${n}`, padding: "" } })
  switch (n % 3) {
    case 0:
      return { body, authorization: "0".repeat(64) }
    case 1:
      return {
        body: body.replace('"padding":""', `"padding":"${"x".repeat(64 * 1024 - 256 - body.length)}"`),
        authorization: "0".repeat(64),
      }
    default:
      return { body, authorization: "f".repeat(8 * 1024) }
  }
}

/**
 * Floods the webhook with rejected pushes from several concurrent clients for a bounded time and
 * measures what they cost the store (as `npm run bench:webhook-flood` does at a larger scale):
 * rows and bytes added, per rejected request and in total, and the open exceptions. Must hold:
 * every push answered 200 (a rejected push is acknowledged), bounded bytes per request and per
 * stored row, and the open exceptions do not grow with the flood (bursts fold into one).
 */
export const webhookFlood: Scenario = async (stack) => {
  const sql = new pg.Client({ connectionString: stack.databaseUrl })
  await sql.connect()
  try {
    const startedAt = (await sql.query("select now() as now")).rows[0].now as Date
    const before = await pushTableFigures(sql)
    const answers: Record<string, number> = {}
    let sent = 0
    let bytesSent = 0
    const until = Date.now() + SECONDS * 1000
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (Date.now() < until) {
          const { body, authorization } = rejectedPush(sent++)
          bytesSent += body.length + authorization.length
          const response = await stack.fetch(stack.pushUrl, {
            method: "POST",
            headers: { "content-type": "application/json", authorization },
            body,
          })
          await response.arrayBuffer()
          answers[response.status] = (answers[response.status] ?? 0) + 1
        }
      })
    )
    const after = await pushTableFigures(sql)

    const rows = after.rows - before.rows
    const tableBytes = after.tableBytes - before.tableBytes
    const storedBytes = after.storedBytes - before.storedBytes
    const openExceptions = after.openExceptions - before.openExceptions
    const per = (value: number) => Math.round((value / Math.max(sent, 1)) * 10) / 10
    const problems: string[] = []
    const others = Object.entries(answers).filter(([status]) => status !== "200")
    if (others.length) problems.push(`answers other than 200: ${others.map(([status, count]) => `${count} x ${status}`).join(", ")}`)
    const largest = await sql.query(
      `select max(greatest(octet_length(raw_body), coalesce(octet_length(decode(raw_body_base64, 'base64')), 0)))::int as body,
              max(coalesce(octet_length(headers::text), 0))::int as headers
         from shopee_raw_event where created_at >= $1`,
      [startedAt]
    )
    const { body: largestBody, headers: largestHeaders } = largest.rows[0] as { body: number | null; headers: number | null }
    if ((largestBody ?? 0) > MAX_BODY_BYTES_KEPT)
      problems.push(`a stored rejected push kept ${largestBody} B of body, over ${MAX_BODY_BYTES_KEPT}`)
    if ((largestHeaders ?? 0) > MAX_HEADER_BYTES_KEPT)
      problems.push(`a stored rejected push kept ${largestHeaders} B of headers, over ${MAX_HEADER_BYTES_KEPT}`)
    if (tableBytes > rows * MAX_TABLE_BYTES_PER_ROW + TABLE_BYTES_SLACK)
      problems.push(
        `${tableBytes} B added on disk for ${rows} stored rows, over ${MAX_TABLE_BYTES_PER_ROW} B a row and ${TABLE_BYTES_SLACK} B`
      )
    // Every push of the flood is rejected for its signature: one burst, at most one new exception.
    if (openExceptions > 1) problems.push(`${openExceptions} open exceptions added by one flood (a burst folds into one)`)
    return {
      name: "webhook-flood",
      ok: problems.length === 0,
      figures: {
        seconds: SECONDS,
        clients: CLIENTS,
        requests: sent,
        answered_200: answers["200"] ?? 0,
        bytes_sent: bytesSent,
        rows_added: rows,
        rows_per_request: Math.round((rows / Math.max(sent, 1)) * 1000) / 1000,
        table_bytes_added: tableBytes,
        table_bytes_per_request: per(tableBytes),
        stored_bytes_added: storedBytes,
        stored_bytes_per_request: per(storedBytes),
        largest_body_kept: largestBody ?? 0,
        largest_headers_kept: largestHeaders ?? 0,
        open_exceptions_added: openExceptions,
        counted_not_stored: after.refused - before.refused,
      },
      problems,
    }
  } finally {
    await sql.end()
  }
}
