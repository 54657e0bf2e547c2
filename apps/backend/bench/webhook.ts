/**
 * `npm run bench:webhook`: the Shopee webhook under load against a bare Medusa route, in the
 * same run on the same servers. Shopee gives a push about 3 s and disables a subscription that
 * fails too often, so the intake must keep up and never acknowledge a push it did not store.
 *
 * For each topology (`npm start -- --worker`: one server and a worker; `--servers=2`: two
 * servers on one port and a worker) prints requests/s, p50 and p99 of both routes and their
 * ratio, the peak RSS of every Medusa process, then the number of stored `shopee_raw_event`
 * rows against the number of 200s, which must be equal (exit code 1 if not). Ends with one
 * line `BENCH_JSON {...}` for `npm run bench`.
 *
 *   --duration=10        seconds of each measured run (BENCH_DURATION)
 *   --connections=50     concurrent connections (BENCH_CONNECTIONS)
 *   --warmup=4           seconds of warm-up before each measured run (BENCH_WARMUP)
 *   --servers=1,2        the server counts to measure (BENCH_SERVERS)
 *   --during-import=0    also measure the webhook while this many orders are created in the
 *                        simulator and imported by the worker (BENCH_DURING_IMPORT; 0: not)
 *
 * BENCH_CPU_PROFILE=<folder>: each Medusa process (servers and worker) writes a CPU profile there when it stops.
 */
import { control, type Sandbox } from "../integration-tests/helpers/connected-shop"
import { findFreePort } from "../scripts/free-port"
import { SANDBOX_SHOP_ID } from "../integration-tests/helpers/sandbox"
import { formatCount, numberOption, refuseUnknownFlags } from "./options"
import { startBenchServer } from "./bench-server"
import { cpuProfileEnv } from "./cpu-profile"
import { raiseMedusaStock } from "./medusa-stock"
import { samplePeakMemory, type ProcessMemory } from "./process-memory"
import { configureSandboxProfile } from "./sandbox-profile"
import { BENCH_SKU, connectSandboxShop, createBenchOrder, pointPushesAt, startBenchSandbox } from "./sandbox-shop"
import { signedPushHeaders, webchatPushBody } from "./signed-push"
import { measureLoad, type LoadFigures, type LoadTarget } from "./http-load"

const WEBHOOK_PATH = "/connectors/shopee/webhook/sandbox"
const BASELINE_PATH = "/bench/ping"
/** Orders being created at the simulator at once during the import run. */
const CREATING_AT_ONCE = 10

const GOALS = { ratio: 0.6, p99Ms: 100, duringImport: 1.5, rssMb: 1024 }

const log = (line: string) => console.log(`[bench:webhook] ${line}`)

type TopologyFigures = {
  servers: number
  baseline: LoadFigures
  webhook: LoadFigures
  duringImport?: { figures: LoadFigures; created: number; imported: number }
  memory: ProcessMemory[]
  match: boolean
}

async function main(): Promise<number> {
  refuseUnknownFlags(["duration", "connections", "warmup", "servers", "during-import"])
  const seconds = numberOption("duration", "BENCH_DURATION", 10, { min: 1, max: 120 })
  const connections = numberOption("connections", "BENCH_CONNECTIONS", 50, { min: 1, max: 500 })
  const warmupSeconds = numberOption("warmup", "BENCH_WARMUP", 4, { min: 1, max: 60 })
  const importOrders = numberOption("during-import", "BENCH_DURING_IMPORT", 0, { min: 0, max: 100_000 })
  const serverCounts = serverCountsOption()

  const results: TopologyFigures[] = []
  for (const servers of serverCounts) {
    results.push(await measureTopology(servers, { connections, seconds, warmupSeconds, log }, importOrders))
  }

  console.log("")
  console.log(`Shopee webhook vs a bare Medusa route, ${connections} connections, loopback; each topology has a worker process`)
  for (const result of results) {
    console.log("")
    console.log(
      `${result.servers} server process${result.servers > 1 ? "es" : ""} (npm start -- ${topologyArgs(result.servers).join(" ")}):`
    )
    printTable([result.baseline, result.webhook, ...(result.duringImport ? [result.duringImport.figures] : [])])
    console.log(
      `ratio webhook/baseline: requests/s ${ratio(result.webhook.requestsPerSecond, result.baseline.requestsPerSecond)}, p50 ${ratio(result.webhook.p50, result.baseline.p50)}, p99 ${ratio(result.webhook.p99, result.baseline.p99)}`
    )
    if (result.duringImport) {
      const { figures, created, imported } = result.duringImport
      console.log(
        `webhook p99 during the import / idle: ${ratio(figures.p99, result.webhook.p99)} (${formatCount(created)} orders created, ${formatCount(imported)} imported meanwhile)`
      )
    }
    console.log(`peak RSS: ${result.memory.map((process) => `${process.role} ${formatCount(process.rssMb)} MB`).join(", ")}`)
    for (const figures of [result.baseline, result.webhook, ...(result.duringImport ? [result.duringImport.figures] : [])]) {
      const problems = [
        ...Object.entries(figures.otherStatuses).map(([status, count]) => `${formatCount(count)} answered ${status}`),
        figures.errors ? `${formatCount(figures.errors)} errors (${figures.timeouts} timeouts)` : "",
        figures.cutShort ? "cut short by the time limit" : "",
      ].filter(Boolean)
      if (problems.length) console.log(`${figures.name}: ${problems.join(", ")}`)
    }
  }
  console.log("")
  console.log(`BENCH_JSON ${JSON.stringify({ bench: "webhook", rows: benchRows(results) })}`)
  return results.every((result) => result.match) ? 0 : 1
}

function serverCountsOption(): number[] {
  const flag = process.argv.slice(2).find((argument) => argument.startsWith("--servers="))
  const raw = flag ? flag.slice("--servers=".length) : process.env.BENCH_SERVERS || "1,2"
  const counts = raw.split(",").map((part) => Number(part.trim()))
  if (counts.some((count) => !Number.isInteger(count) || count < 1 || count > 8)) {
    throw new Error(`--servers (or BENCH_SERVERS) must list server counts from 1 to 8, e.g. 1,2; got "${raw}"`)
  }
  return counts
}

function topologyArgs(servers: number): string[] {
  return servers === 1 ? ["--worker"] : [`--servers=${servers}`]
}

async function measureTopology(
  servers: number,
  load: { connections: number; seconds: number; warmupSeconds: number; log: (line: string) => void },
  importOrders: number
): Promise<TopologyFigures> {
  // The simulator first: the store must allow it as an API host when it starts; its pushes are pointed at the store once the port is known.
  const port = await findFreePort()
  const sandbox = importOrders > 0 ? await startBenchSandbox(importOrders + 100) : undefined
  const env: Record<string, string> = {
    PORT: String(port),
    ...(sandbox ? { SHOPEE_ALLOWED_API_BASE_URLS: sandbox.url } : {}),
    ...cpuProfileEnv(log),
  }
  const started = await startBenchServer(`webhook-${servers}`, log, env, topologyArgs(servers)).catch(async (error) => {
    await sandbox?.close().catch(() => undefined)
    throw error
  })
  const { server, stop } = started
  try {
    if (sandbox) {
      await pointPushesAt(sandbox, `http://localhost:${port}${WEBHOOK_PATH}`)
      await configureSandboxProfile(server.api, sandbox.url)
      await connectSandboxShop(server.url, sandbox)
      await raiseMedusaStock(server, BENCH_SKU, importOrders + 100)
    } else {
      await configureSandboxProfile(server.api)
    }
    log(`${servers} server(s): pushes are signed against ${server.url}${WEBHOOK_PATH}`)

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
    const baseline = await measureLoad(target("baseline", BASELINE_PATH), load)
    const memory = samplePeakMemory(server.databaseUrl)
    const webhook = await measureLoad(target("webhook", WEBHOOK_PATH), load)
    const stored = await storedRows(server.sql, webhook.tag)
    const processed = await waitForProcessing(server.sql, webhook.tag, stored.total)
    let match = matches(stored, webhook)
    log(
      `webhook pushes answered 200: ${formatCount(webhook.status200)}; stored rows: ${formatCount(stored.total)} ` +
        `(signature_ok ${formatCount(stored.verified)}, duplicates ${formatCount(stored.duplicates)}) -> ${match ? "MATCH" : "MISMATCH"}; ` +
        `processed in the worker: ${formatCount(processed.done)}/${formatCount(stored.total)} after ${processed.seconds} s more`
    )

    let duringImport: TopologyFigures["duringImport"]
    if (sandbox) {
      const importing = createOrders(sandbox, importOrders)
      const figures = await measureLoad(target("webhook-during-import", WEBHOOK_PATH), load)
      const created = importing.stop()
      const importedStored = await storedRows(server.sql, figures.tag)
      match = match && matches(importedStored, figures)
      log(
        `during the import: answered 200 ${formatCount(figures.status200)}, stored ${formatCount(importedStored.total)} -> ${matches(importedStored, figures) ? "MATCH" : "MISMATCH"}`
      )
      const { rows } = await server.sql.query(
        `SELECT count(*) FILTER (WHERE state = 'imported' AND order_id IS NOT NULL)::int AS imported FROM shopee_order_sync WHERE environment = 'sandbox'`
      )
      duringImport = { figures, created: await created, imported: rows[0].imported }
    }
    return { servers, baseline, webhook, duringImport, memory: memory.stop(), match }
  } finally {
    await sandbox?.close().catch(() => undefined)
    log("stopping Medusa and dropping its database…")
    await stop()
  }
}

/**
 * Every 200 has its row, and nothing else was stored, except a push the client gave up on
 * (a timeout) or was refused (503 at the deadline) that was still stored later: Shopee would resend it.
 */
function matches(stored: Stored, figures: LoadFigures): boolean {
  const refusedOrUnanswered = figures.timeouts + (figures.otherStatuses["503"] ?? 0)
  return (
    stored.total >= figures.status200 &&
    stored.total <= figures.status200 + refusedOrUnanswered &&
    stored.verified === stored.total &&
    stored.duplicates === 0
  )
}

/** Creates up to `orders` orders at the simulator, `CREATING_AT_ONCE` at a time, until stopped; answers how many. */
function createOrders(sandbox: Sandbox, orders: number): { stop: () => Promise<number> } {
  let stopped = false
  let created = 0
  const lane = async () => {
    const items = await control<{ item_id: number; item_sku: string }[]>(sandbox, "GET", `/_control/items?shop_id=${SANDBOX_SHOP_ID}`)
    const itemId = items.find((item) => item.item_sku === BENCH_SKU)!.item_id
    while (!stopped && created < orders) {
      created += 1
      await createBenchOrder(sandbox, itemId, created)
    }
  }
  const lanes = Promise.all(Array.from({ length: CREATING_AT_ONCE }, lane))
  return {
    stop: async () => {
      stopped = true
      await lanes
      return created
    },
  }
}

/** The rows `npm run bench` reads: one per figure, with its goal. */
function benchRows(results: TopologyFigures[]) {
  return results.flatMap((result) => {
    const label = `${result.servers} server${result.servers > 1 ? "s" : ""}`
    const webhookRatio = result.webhook.requestsPerSecond / Math.max(result.baseline.requestsPerSecond, 1)
    const peakRss = Math.max(...result.memory.map((process) => process.rssMb), 0)
    const rows: Record<string, unknown>[] = [
      {
        name: `webhook requests/s, ${label}`,
        value: round(result.webhook.requestsPerSecond),
        unit: "req/s",
        baseline: round(result.baseline.requestsPerSecond),
        ratio: round(webhookRatio, 2),
        goal: `>= ${GOALS.ratio}x the bare route`,
        met: webhookRatio >= GOALS.ratio,
      },
      {
        name: `webhook p99 idle, ${label}`,
        value: result.webhook.p99,
        unit: "ms",
        goal: `<= ${GOALS.p99Ms} ms`,
        met: result.webhook.p99 <= GOALS.p99Ms,
      },
      { name: `every 200 stored, ${label}`, value: result.match ? 1 : 0, unit: "bool", goal: "1", met: result.match },
      {
        name: `peak RSS of a process, ${label}`,
        value: round(peakRss),
        unit: "MB",
        goal: `< ${GOALS.rssMb} MB`,
        met: peakRss < GOALS.rssMb,
      },
    ]
    if (result.duringImport) {
      const growth = result.duringImport.figures.p99 / Math.max(result.webhook.p99, 1)
      rows.push({
        name: `webhook p99 during an import, ${label}`,
        value: result.duringImport.figures.p99,
        unit: "ms",
        baseline: result.webhook.p99,
        ratio: round(growth, 2),
        goal: `<= ${GOALS.duringImport}x idle p99`,
        met: growth <= GOALS.duringImport,
      })
    }
    return rows
  })
}

function round(value: number, digits = 0): number {
  const factor = 10 ** digits
  return Math.round(value * factor) / factor
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
      `${row.name === "baseline" ? `baseline POST ${BASELINE_PATH}` : `${row.name} POST ${WEBHOOK_PATH}`}`,
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
