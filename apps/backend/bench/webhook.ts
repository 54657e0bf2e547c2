/**
 * `npm run bench:webhook`: the Shopee webhook under load against a bare Medusa route, in the
 * same run on the same server. Shopee gives a push about 3 s and disables a subscription that
 * fails too often, so the intake must keep up and never acknowledge a push it did not store.
 *
 * Prints requests/s, p50 and p99 of both routes and their ratio, then the number of stored
 * `shopee_raw_event` rows against the number of 200s, which must be equal (exit code 1 if not).
 *
 *   --duration=10      seconds of each measured run (BENCH_DURATION)
 *   --connections=50   concurrent connections (BENCH_CONNECTIONS)
 *   --warmup=4         seconds of warm-up before each measured run (BENCH_WARMUP)
 */
import { formatCount, numberOption, refuseUnknownFlags } from "./options"
import { startBenchServer } from "./bench-server"
import { configureSandboxProfile } from "./sandbox-profile"
import { signedPushHeaders, webchatPushBody } from "./signed-push"
import { measureLoad, type LoadFigures, type LoadTarget } from "./http-load"

const WEBHOOK_PATH = "/connectors/shopee/webhook/sandbox"
const BASELINE_PATH = "/bench/ping"

const log = (line: string) => console.log(`[bench:webhook] ${line}`)

async function main(): Promise<number> {
  refuseUnknownFlags(["duration", "connections", "warmup"])
  const seconds = numberOption("duration", "BENCH_DURATION", 10, { min: 1, max: 120 })
  const connections = numberOption("connections", "BENCH_CONNECTIONS", 50, { min: 1, max: 500 })
  const warmupSeconds = numberOption("warmup", "BENCH_WARMUP", 4, { min: 1, max: 60 })

  const { server, stop } = await startBenchServer("webhook", log)
  try {
    await configureSandboxProfile(server.api)
    log("sandbox profile configured with the push partner key; pushes are signed against " + `${server.url}${WEBHOOK_PATH}`)

    // Both routes get the same kind of body, signed the same way: only what the route does differs.
    const target = (name: string, path: string): LoadTarget => ({
      name,
      url: server.url,
      path,
      request: (tag, seq) => {
        const body = webchatPushBody(tag, seq)
        return { body, headers: signedPushHeaders(`${server.url}${WEBHOOK_PATH}`, body) }
      },
    })
    // The baseline first: the webhook leaves background processing behind that would slow it.
    const load = { connections, seconds, warmupSeconds, log }
    const baseline = await measureLoad(target("baseline", BASELINE_PATH), load)
    const webhook = await measureLoad(target("webhook", WEBHOOK_PATH), load)

    const stored = await storedRows(server.sql, webhook.tag)
    const processed = await waitForProcessing(server.sql, webhook.tag, stored.total)

    console.log("")
    console.log(`Shopee webhook vs a bare Medusa route, ${connections} connections, loopback, one server (${server.url})`)
    console.log("")
    printTable([baseline, webhook])
    console.log("")
    console.log(
      `ratio webhook/baseline: requests/s ${ratio(webhook.requestsPerSecond, baseline.requestsPerSecond)}, p50 ${ratio(webhook.p50, baseline.p50)}, p99 ${ratio(webhook.p99, baseline.p99)}`
    )
    for (const figures of [baseline, webhook]) {
      const problems = [
        ...Object.entries(figures.otherStatuses).map(([status, count]) => `${formatCount(count)} answered ${status}`),
        figures.errors ? `${formatCount(figures.errors)} errors (${figures.timeouts} timeouts)` : "",
        figures.cutShort ? "cut short by the time limit" : "",
      ].filter(Boolean)
      if (problems.length) console.log(`${figures.name}: ${problems.join(", ")}`)
    }
    console.log("")
    const match = stored.total === webhook.status200 && stored.verified === stored.total && stored.duplicates === 0
    console.log(
      `webhook pushes answered 200: ${formatCount(webhook.status200)}; stored shopee_raw_event rows: ${formatCount(stored.total)} ` +
        `(signature_ok ${formatCount(stored.verified)}, duplicates ${formatCount(stored.duplicates)}) -> ${match ? "MATCH" : "MISMATCH"}`
    )
    console.log(
      `processed in the background (marked ignored, as code 10 is): ${formatCount(processed.done)}/${formatCount(stored.total)} after ${processed.seconds} s more`
    )
    return match ? 0 : 1
  } finally {
    log("stopping Medusa and dropping its database…")
    await stop()
  }
}

type Stored = { total: number; verified: number; duplicates: number }

/** The rows of the measured run only: its bodies carry its tag (warm-up bodies carry another). */
async function storedRows(sql: BenchSql, tag: string): Promise<Stored> {
  const { rows } = await sql.query(
    `SELECT count(*)::int AS total,
            count(*) FILTER (WHERE signature_ok)::int AS verified,
            count(*) FILTER (WHERE status = 'duplicate')::int AS duplicates
       FROM shopee_raw_event WHERE raw_body LIKE $1`,
    [`%"message_id":"${tag}-%`]
  )
  return rows[0] as Stored
}

/**
 * Processing runs after the 200; this says whether it kept up. Waits at most 60 s, printing
 * progress, and reports how far it got.
 */
async function waitForProcessing(sql: BenchSql, tag: string, total: number): Promise<{ done: number; seconds: number }> {
  const started = Date.now()
  let done = 0
  let lastPrint = 0
  while (Date.now() - started < 60_000) {
    const { rows } = await sql.query(`SELECT count(*)::int AS done FROM shopee_raw_event WHERE raw_body LIKE $1 AND status <> 'pending'`, [
      `%"message_id":"${tag}-%`,
    ])
    done = rows[0].done
    if (done >= total) break
    if (Date.now() - lastPrint >= 2000) {
      lastPrint = Date.now()
      log(`background processing: ${formatCount(done)}/${formatCount(total)} (${Math.floor((done / Math.max(total, 1)) * 100)}%)`)
    }
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  return { done, seconds: Math.round((Date.now() - started) / 100) / 10 }
}

type BenchSql = { query: (text: string, values?: unknown[]) => Promise<{ rows: any[] }> }

function printTable(rows: LoadFigures[]): void {
  const lines = [
    ["route", "requests/s", "p50 ms", "p99 ms", "200s", "in s"],
    ...rows.map((row) => [
      `${row.name === "baseline" ? `baseline POST ${BASELINE_PATH}` : `webhook  POST ${WEBHOOK_PATH}`}`,
      formatCount(row.requestsPerSecond),
      String(row.p50),
      String(row.p99),
      formatCount(row.status200),
      row.seconds.toFixed(1),
    ]),
  ]
  const widths = lines[0].map((_, column) => Math.max(...lines.map((line) => line[column].length)))
  for (const line of lines) {
    console.log(line.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join("  "))
  }
}

function ratio(value: number, base: number): string {
  return base > 0 ? `${(value / base).toFixed(2)}x` : "n/a"
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`[bench:webhook] failed: ${(error as Error).stack ?? error}`)
    process.exit(1)
  }
)
