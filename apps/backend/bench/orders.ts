/**
 * `npm run bench:orders`: Medusa's own floor, Shopee orders through the whole pipeline, and the
 * orders list as the table grows.
 *
 * (0) Medusa's floor: N synthetic orders placed by `POST /bench/orders` (the import's own
 *     `placeMatchedOrder`, workflow and status actions on the same store data, no Shopee, no
 *     push, no lock), as many at once as the import runs orders (the plugin's MAX_LOCKED_JOBS);
 *     orders/s from the first request to the last answer. More at once is not a higher floor:
 *     at 25, Medusa's pool of 10 connections deadlocked on the one inventory level every order
 *     reserves, the reason the plugin caps its locked jobs.
 * (a) N orders are created in the Shopee simulator; each pushes code 3 to the store's webhook,
 *     which stores it, fetches the order (get_order_detail) and creates the Medusa order. Prints
 *     progress (imported/N, %) and orders/s from the first order created to the last imported.
 * (b) Times GET /admin/shopee/orders?env=sandbox&limit=20 at three offsets (first page, middle,
 *     last page) at 1k, 10k and 100k sync rows (extra rows inserted in bulk with SQL) and prints
 *     each median and the ratio of the largest to the smallest.
 * Ends with one `BENCH_JSON {...}` line (floor, pipeline and their ratio against the goal of
 * 0.8, list ratio) that `npm run bench` reads.
 *
 *   --orders=1000    orders to import (BENCH_ORDERS)
 *   --in-flight=25   orders created at the simulator and not yet imported, at most (BENCH_IN_FLIGHT)
 *   --reps=9         timed requests per offset and size (BENCH_REPS)
 *   --timeout=480    seconds the import may take in all before the run gives up (BENCH_TIMEOUT)
 *   --list-rows=100000  largest orders-list size timed in (b), of 1k, 10k, 100k; 0 skips (b) (BENCH_LIST_ROWS)
 * BENCH_CPU_PROFILE=<folder>: the server writes a CPU profile of the whole run there when it stops
 * (bench/cpu-profile-preload.cjs).
 */
import { control, type Sandbox } from "../integration-tests/helpers/connected-shop"
import { SANDBOX_SHOP_ID } from "../integration-tests/helpers/sandbox"
import { startBenchServer, type BenchServer } from "./bench-server"
import { benchJsonLine, type BenchRow } from "./bench-json"
import { cpuProfileEnv } from "./cpu-profile"
import { formatCount, median, numberOption, refuseUnknownFlags } from "./options"
import { raiseMedusaStock } from "./medusa-stock"
import { configureSandboxProfile } from "./sandbox-profile"
import { BENCH_SKU, connectSandboxShop, createBenchOrder, pointPushesAt, startBenchSandbox } from "./sandbox-shop"
import { countSyncRows, growSyncRows } from "./sync-rows"

const LIST_SIZES = [1_000, 10_000, 100_000]
const PAGE = 20
/** The issue's goal: the pipeline imports at least this fraction of what Medusa alone places. */
const PIPELINE_GOAL = 0.8

const log = (line: string) => console.log(`[bench:orders] ${line}`)

async function main(): Promise<number> {
  refuseUnknownFlags(["orders", "in-flight", "reps", "timeout", "list-rows"])
  const orders = numberOption("orders", "BENCH_ORDERS", 1000, { min: 1, max: 100_000 })
  const inFlight = numberOption("in-flight", "BENCH_IN_FLIGHT", 25, { min: 1, max: 200 })
  const reps = numberOption("reps", "BENCH_REPS", 9, { min: 1, max: 100 })
  const timeoutSeconds = numberOption("timeout", "BENCH_TIMEOUT", 480, { min: 10, max: 3600 })
  const listRows = numberOption("list-rows", "BENCH_LIST_ROWS", 100_000, { min: 0, max: 100_000 })

  // The simulator first: the server must be told its URL when it starts. Enough copies on both
  // sides, with room to spare, so that no order is an oversell.
  const sandbox: Sandbox = await startBenchSandbox(orders + 100)
  const { server, stop } = await startBenchServer("orders", log, {
    SHOPEE_ALLOWED_API_BASE_URLS: sandbox.url,
    ...cpuProfileEnv(log),
  }).catch(async (error) => {
    await sandbox.close().catch(() => undefined)
    throw error
  })
  try {
    await pointPushesAt(sandbox, `${server.url}/connectors/shopee/webhook/sandbox`)
    await configureSandboxProfile(server.api, sandbox.url)
    await connectSandboxShop(server.url, sandbox)
    // The floor's orders take their copies from Medusa's stock too.
    await raiseMedusaStock(server, BENCH_SKU, 2 * orders + 100)
    log(
      `simulator at ${sandbox.url}, shop ${SANDBOX_SHOP_ID} connected; ${BENCH_SKU} stocked with ${formatCount(orders + 100)} at Shopee, ${formatCount(2 * orders + 100)} in Medusa`
    )

    const floor = await measureFloor(server, { orders, concurrency: importConcurrency() })
    const imported = await importOrders(server, sandbox, { orders, inFlight, timeoutSeconds })
    const list = await timeOrdersList(server, reps, listRows)
    const ratio = imported.perSecond / floor.perSecond

    console.log("")
    console.log(
      `(0) Medusa's floor: POST /bench/orders (the import's placeMatchedOrder, workflow, status actions), ${floor.concurrency} at once`
    )
    console.log(`    ${formatCount(orders)} orders in ${floor.seconds.toFixed(1)} s: ${floor.perSecond.toFixed(1)} orders/s`)
    console.log("")
    console.log(
      `(a) import through the pipeline (simulator push -> webhook -> get_order_detail -> Medusa order), at most ${inFlight} in flight`
    )
    const limit = imported.cutShort
      ? ` (stopped by the ${timeoutSeconds} s limit: ${formatCount(imported.count)}/${formatCount(orders)})`
      : ""
    console.log(
      `    ${formatCount(imported.count)} orders in ${imported.seconds.toFixed(1)} s: ${imported.perSecond.toFixed(1)} orders/s${limit}`
    )
    console.log(
      `    ${formatCount(imported.distinctOrders)} distinct Medusa orders for ${formatCount(imported.count)} sync rows; open exceptions: ${formatCount(imported.openExceptions)}`
    )
    console.log(`    pipeline / floor: ${ratio.toFixed(2)}x (goal >= ${PIPELINE_GOAL}x: ${ratio >= PIPELINE_GOAL ? "met" : "not met"})`)
    const exact = imported.count === orders && imported.distinctOrders === orders
    const rows: BenchRow[] = [
      {
        name: "Medusa floor (orders placed)",
        value: floor.perSecond,
        unit: "orders/s",
        baseline: null,
        ratio: null,
        goal: null,
        met: null,
      },
      {
        name: "pipeline (push -> Medusa order)",
        value: imported.perSecond,
        unit: "orders/s",
        baseline: floor.perSecond,
        ratio,
        goal: `>= ${PIPELINE_GOAL}x floor`,
        met: ratio >= PIPELINE_GOAL,
      },
      {
        name: "pipeline: one Medusa order per Shopee order",
        value: imported.distinctOrders,
        unit: "orders",
        baseline: orders,
        ratio: imported.distinctOrders / orders,
        goal: "= orders sent",
        met: exact,
      },
    ]
    if (list.length === 0) {
      console.log(benchJsonLine("orders", rows))
      return exact ? 0 : 1
    }
    console.log("")
    console.log(`(b) GET /admin/shopee/orders?env=sandbox&limit=${PAGE}&offset=…, median of ${reps} requests (ms)`)
    const header = ["sync rows", "first page", "middle", "last page", "all"]
    const table = list.map((size) => [formatCount(size.rows), ...size.medians.map((ms) => ms.toFixed(1)), size.overall.toFixed(1)])
    for (const line of [header, ...table])
      console.log("    " + line.map((cell, i) => (i === 0 ? cell.padStart(9) : cell.padStart(11))).join(""))
    const overall = list.map((size) => size.overall)
    const largest = list[overall.indexOf(Math.max(...overall))]
    const smallest = list[overall.indexOf(Math.min(...overall))]
    console.log(
      `    largest/smallest median: ${(largest.overall / smallest.overall).toFixed(2)}x ` +
        `(${largest.overall.toFixed(1)} ms at ${formatCount(largest.rows)} rows / ${smallest.overall.toFixed(1)} ms at ${formatCount(smallest.rows)} rows)`
    )
    const deepest = list.map((size) => size.medians[2])
    console.log(
      `    last page, ${formatCount(list[list.length - 1].rows)} vs ${formatCount(list[0].rows)} rows: ${(deepest[deepest.length - 1] / deepest[0]).toFixed(2)}x`
    )
    rows.push({
      name: `orders list median, ${formatCount(largest.rows)} vs ${formatCount(smallest.rows)} rows`,
      value: largest.overall,
      unit: "ms",
      baseline: smallest.overall,
      ratio: largest.overall / smallest.overall,
      goal: null,
      met: null,
    })
    console.log(benchJsonLine("orders", rows))
    return exact ? 0 : 1
  } finally {
    log("stopping the simulator, Medusa, and dropping the database…")
    await sandbox.close().catch(() => undefined)
    await stop()
  }
}

/** How many orders the import runs at once in one process: the plugin's cap on locked jobs. */
function importConcurrency(): number {
  const { MAX_LOCKED_JOBS } = require("medusa-plugin-shopee/lib/with-lock") as { MAX_LOCKED_JOBS: number }
  return MAX_LOCKED_JOBS
}

/**
 * Medusa's floor: `orders` synthetic orders through `POST /bench/orders`, `concurrency` requests
 * open at once. A request that fails ends the run (a floor with failures would flatter the ratio),
 * and so does a minute without an answer.
 */
async function measureFloor(server: BenchServer, { orders, concurrency }: { orders: number; concurrency: number }) {
  log(`Medusa's floor: placing ${formatCount(orders)} synthetic orders, ${concurrency} at once…`)
  let sent = 0
  let done = 0
  const started = performance.now()
  const placeOne = async () => {
    let timer: NodeJS.Timeout | undefined
    const stalled = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`POST /bench/orders gave no answer in 60 s (${done}/${orders} placed)`)), 60_000)
    })
    try {
      const { status, data } = await Promise.race([server.api("POST", "/bench/orders", { sku: BENCH_SKU }), stalled])
      if (status !== 200) throw new Error(`POST /bench/orders answered ${status}: ${JSON.stringify(data)}`)
    } finally {
      clearTimeout(timer)
    }
  }
  const worker = async () => {
    while (sent < orders) {
      sent += 1
      await placeOne()
      done += 1
      if (done % Math.max(1, Math.floor(orders / 10)) === 0) log(`floor: ${formatCount(done)}/${formatCount(orders)}`)
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, orders) }, worker))
  const seconds = (performance.now() - started) / 1000
  return { seconds, perSecond: orders / seconds, concurrency }
}

type ImportFigures = {
  count: number
  seconds: number
  perSecond: number
  distinctOrders: number
  openExceptions: number
  cutShort: boolean
}

/**
 * Creates the orders at the simulator, keeping at most `inFlight` of them between creation and
 * import, so that the figure is the pipeline's steady rate rather than how long a backlog
 * waits. Polls the database for imported rows and prints progress every 5 % or 5 s. Gives up
 * when nothing moves for 60 s or an order is held; stops creating orders after `timeoutSeconds`
 * and reports the rate of what was imported by then.
 */
async function importOrders(
  server: BenchServer,
  sandbox: Sandbox,
  { orders, inFlight, timeoutSeconds }: { orders: number; inFlight: number; timeoutSeconds: number }
): Promise<ImportFigures> {
  const items = await control<{ item_id: number; item_sku: string }[]>(sandbox, "GET", `/_control/items?shop_id=${SANDBOX_SHOP_ID}`)
  const itemId = items.find((item) => item.item_sku === BENCH_SKU)!.item_id
  log(`importing ${formatCount(orders)} orders, at most ${inFlight} in flight…`)
  const started = performance.now()
  let created = 0
  let imported = 0
  let held = 0
  let cutShort = false
  let lastProgress = { at: started, imported: 0, printed: started, percent: -1 }
  for (;;) {
    while (created < orders && created - imported - held < inFlight) {
      await createBenchOrder(sandbox, itemId, created)
      created += 1
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
    ;({ imported, held } = await importState(server))
    const now = performance.now()
    const percent = Math.floor((imported / orders) * 100)
    if (imported > lastProgress.imported) lastProgress = { ...lastProgress, at: now, imported }
    if (imported >= orders) break
    if (Math.floor(percent / 5) > Math.floor(lastProgress.percent / 5) || now - lastProgress.printed > 5000) {
      const rate = imported / ((now - started) / 1000)
      log(
        `imported ${formatCount(imported)}/${formatCount(orders)} (${percent}%), ${rate.toFixed(1)} orders/s${held ? `, ${held} held` : ""}`
      )
      lastProgress = { ...lastProgress, printed: now, percent }
    }
    if (held > 0 || now - lastProgress.at > 60_000) {
      const why = held > 0 ? `${held} orders held` : "no order imported for 60 s"
      throw new Error(`Import stopped at ${imported}/${orders}: ${why}. ${await diagnostics(server)}`)
    }
    if (now - started > timeoutSeconds * 1000) {
      // Slow but moving: the rate so far is still a figure; the run goes on to the list timings.
      log(`time limit of ${timeoutSeconds} s reached at ${formatCount(imported)}/${formatCount(orders)}; no more orders are created`)
      cutShort = true
      break
    }
  }
  const seconds = (performance.now() - started) / 1000
  log(`imported ${formatCount(imported)}/${formatCount(orders)} (${Math.floor((imported / orders) * 100)}%) in ${seconds.toFixed(1)} s`)
  const {
    rows: [check],
  } = await server.sql.query(
    `SELECT (SELECT count(DISTINCT order_id)::int FROM shopee_order_sync WHERE environment = 'sandbox' AND order_id IS NOT NULL) AS distinct_orders,
            (SELECT count(*)::int FROM connector_exception WHERE status <> 'resolved') AS open_exceptions`
  )
  return {
    count: imported,
    seconds,
    perSecond: imported / seconds,
    distinctOrders: check.distinct_orders,
    openExceptions: check.open_exceptions,
    cutShort,
  }
}

async function importState(server: BenchServer): Promise<{ imported: number; held: number }> {
  const { rows } = await server.sql.query(
    `SELECT count(*) FILTER (WHERE state = 'imported' AND order_id IS NOT NULL)::int AS imported,
            count(*) FILTER (WHERE state = 'held')::int AS held
       FROM shopee_order_sync WHERE environment = 'sandbox'`
  )
  return rows[0]
}

/** What the connector recorded, so that a stalled import says why. */
async function diagnostics(server: BenchServer): Promise<string> {
  const { rows: events } = await server.sql.query(`SELECT status, count(*)::int AS n FROM shopee_raw_event GROUP BY status`)
  const { rows: exceptions } = await server.sql.query(
    `SELECT kind, left(message, 300) AS message, count(*)::int AS n FROM connector_exception GROUP BY kind, left(message, 300) ORDER BY n DESC LIMIT 5`
  )
  return `Raw events by status: ${JSON.stringify(events)}; exceptions: ${JSON.stringify(exceptions)}`
}

type ListFigures = { rows: number; medians: number[]; overall: number }

/** The orders page at each size: first page, middle and last page, `reps` times each, after a warm-up. */
async function timeOrdersList(server: BenchServer, reps: number, largest: number): Promise<ListFigures[]> {
  const figures: ListFigures[] = []
  for (const size of LIST_SIZES.filter((size) => size <= largest)) {
    const rows = (await countSyncRows(server.sql)) >= size ? await countSyncRows(server.sql) : await growSyncRows(server.sql, size, log)
    const offsets = [0, Math.floor(rows / 2 / PAGE) * PAGE, Math.max(rows - PAGE, 0)]
    for (let warm = 0; warm < 3; warm++) await timePage(server, 0, rows)
    const timings = offsets.map(() => [] as number[])
    for (let rep = 0; rep < reps; rep++) {
      // Interleaved, so that a pause of the machine does not fall on one offset only.
      for (const [i, offset] of offsets.entries()) timings[i].push(await timePage(server, offset, rows))
    }
    const medians = timings.map(median)
    const overall = median(timings.flat())
    log(
      `orders list at ${formatCount(rows)} rows: offsets ${offsets.map((offset, i) => `${offset}: ${medians[i].toFixed(1)} ms`).join(", ")}`
    )
    figures.push({ rows, medians, overall })
  }
  return figures
}

async function timePage(server: BenchServer, offset: number, rows: number): Promise<number> {
  const started = performance.now()
  const { status, data } = await server.api<{ orders: { order: unknown }[]; count: number }>(
    "GET",
    `/admin/shopee/orders?env=sandbox&limit=${PAGE}&offset=${offset}`
  )
  const elapsed = performance.now() - started
  const expected = Math.min(PAGE, rows - offset)
  if (status !== 200 || data.count !== rows || data.orders.length !== expected || data.orders.some((row) => !row.order)) {
    throw new Error(
      `The orders page at offset ${offset} is not what was stored: ${status}, count ${data?.count}/${rows}, ${data?.orders?.length} rows`
    )
  }
  return elapsed
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`[bench:orders] failed: ${(error as Error).stack ?? error}`)
    process.exit(1)
  }
)
