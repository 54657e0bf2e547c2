import crypto from "node:crypto"
import pg from "pg"
import { DEMO_PUSH_PARTNER_KEY } from "@shopee-medusa/shopee-sandbox"
import { judgeAnswer } from "../probes/judge-answer"
import { malformedRequests } from "../probes/malformed-requests"
import { pushTableFigures } from "../probes/push-tables"
import type { Scenario } from "../scenario"

/**
 * The tables a refused admin request or callback could have written to: they must be as they
 * were. The push tables are checked row by row instead (a refused push is still stored).
 */
const REFUSED_WRITE_TABLES = [
  "shopee_profile",
  "shopee_active_environment",
  "shopee_auth_token",
  "shopee_oauth_state_use",
  "shopee_product_map",
  "shopee_stock_setting",
  "shopee_stock_mode_change",
  "shopee_stock_run",
]

/**
 * About a hundred malformed requests across the public routes (the webhook, the OAuth callback)
 * and the admin routes (with the admin session): bodies, headers, query strings, path segments,
 * sizes and encodings. None may answer 5xx; each gets the answer its route promises (see
 * judge-answer.ts); the push rows they add are complete, and the admin tables are unchanged.
 */
export const malformedInput: Scenario = async (stack) => {
  const sql = new pg.Client({ connectionString: stack.databaseUrl })
  await sql.connect()
  try {
    const tables = REFUSED_WRITE_TABLES
    const adminBefore = await tableDigests(sql, tables)
    const startedAt = (await sql.query("select now() as now")).rows[0].now as Date
    const pushesBefore = await pushTableFigures(sql)
    // Pushes are signed against the URL Shopee posts to: the webhook URL, whatever host reaches it.
    const publicBase = new URL(stack.pushUrl).origin
    const sign = (path: string, body: string | Buffer) =>
      crypto.createHmac("sha256", DEMO_PUSH_PARTNER_KEY).update(`${publicBase}${path}|`).update(body).digest("hex")

    const counts = { "2xx": 0, "3xx": 0, "4xx": 0, "5xx": 0 }
    const problems: string[] = []
    const requests = malformedRequests(sign)
    for (const request of requests) {
      const response = await stack.fetch(`${stack.medusaUrl}${request.path}`, {
        method: request.method,
        headers: { ...(request.admin ? stack.adminHeaders : {}), ...request.headers },
        body: typeof request.body === "string" || request.body === undefined ? request.body : new Uint8Array(request.body),
        redirect: "manual",
      })
      const body = await response.text()
      counts[`${Math.floor(response.status / 100)}xx` as keyof typeof counts] += 1
      const problem = judgeAnswer(request.expect, { status: response.status, body, location: response.headers.get("location") })
      if (problem) problems.push(`${request.name}: ${problem}`)
    }

    const incomplete = await sql.query(
      `select id, status from shopee_raw_event
        where created_at >= $1
          and (raw_body is null or body_bytes is null or status is null
               or (status = 'rejected' and (status_reason is null or signature_ok is null)))`,
      [startedAt]
    )
    for (const row of incomplete.rows) problems.push(`push row ${row.id} (${row.status}) is half-written`)
    const pushRows = (await sql.query("select count(*)::int as n from shopee_raw_event where created_at >= $1", [startedAt])).rows[0]
      .n as number
    const countedNotStored = (await pushTableFigures(sql)).refused - pushesBefore.refused
    const adminAfter = await tableDigests(sql, tables)
    const changed = tables.filter((table) => adminBefore[table] !== adminAfter[table])
    for (const table of changed) problems.push(`${table} changed although every admin request and callback was refused`)

    return {
      name: "malformed-input",
      ok: problems.length === 0,
      figures: {
        requests: requests.length,
        ...counts,
        push_rows_added: pushRows,
        counted_not_stored: countedNotStored,
        half_written: incomplete.rows.length,
        tables_changed: changed.length,
        problems: problems.length,
      },
      problems,
    }
  } finally {
    await sql.end()
  }
}

/** One digest of every row of each table, to tell whether anything in it changed. */
async function tableDigests(sql: pg.Client, tables: string[]): Promise<Record<string, string>> {
  const digests: Record<string, string> = {}
  for (const table of tables) {
    const { rows } = await sql.query(
      `select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as digest from ${pg.escapeIdentifier(table)} t`
    )
    digests[table] = rows[0].digest
  }
  return digests
}
