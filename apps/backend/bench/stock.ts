/**
 * `npm run bench:stock`: the Shopee stock writer against the simulator, with `npm start`.
 *
 * (a) A sale in the Medusa store (store API: cart, payment session, complete) to the simulator
 *     showing the new stock, for N one-of-a-kind cards sold one after the other: p50 and p95
 *     from the store's answer to the complete call to the first read of 0 at the simulator
 *     (read every 25 ms). This is the fast path: Medusa's stock events, a dirty mark, its quiet
 *     spell, a fast run (plan, re-read, guard, update_stock, read back).
 * (b) A full resync of M mapped models (items with 10 models each, bulk-created in the
 *     simulator; matching variants created in Medusa in batches; the catalogue imported):
 *     seconds, Shopee calls per model, then a second resync, which must send no update_stock for
 *     a model already right.
 *
 *   --cards=20       cards sold in (a) (BENCH_CARDS)
 *   --models=10000   mapped models in (b), a multiple of 10 (BENCH_MODELS)
 * Prints figures; asserts no time. Exits 1 when a sale never reaches the simulator, or when the
 * second resync writes. Ends with one `BENCH_JSON {...}` line that `npm run bench` reads.
 */
import { startSandbox } from "@shopee-medusa/shopee-sandbox"
import { control, type Sandbox } from "../integration-tests/helpers/connected-shop"
import { SANDBOX_PARTNER, SANDBOX_SHOP_ID } from "../integration-tests/helpers/sandbox"
import { startBenchServer, type BenchServer } from "./bench-server"
import { benchJsonLine } from "./bench-json"
import { formatCount, numberOption, refuseUnknownFlags } from "./options"
import { configureSandboxProfile } from "./sandbox-profile"
import { connectSandboxShop } from "./sandbox-shop"
import { createProducts, publishableKey, sellInStore, storeContext } from "./stock-store"

const MODELS_PER_ITEM = 10
const UPDATE_STOCK = "/api/v2/product/update_stock"
const log = (line: string) => console.log(`[bench:stock] ${line}`)

async function main(): Promise<number> {
  refuseUnknownFlags(["cards", "models"])
  const cards = numberOption("cards", "BENCH_CARDS", 20, { min: 1, max: 1000 })
  const models = numberOption("models", "BENCH_MODELS", 10_000, { min: MODELS_PER_ITEM, max: 100_000 })
  const items = Math.ceil(models / MODELS_PER_ITEM)

  // The simulator first: the server must be told its URL when it starts.
  const sandbox = await startSandbox({
    host: "127.0.0.1",
    partners: [SANDBOX_PARTNER],
    shops: [
      {
        shop_id: SANDBOX_SHOP_ID,
        region: "SG",
        items: Array.from({ length: cards }, (_, index) => ({
          item_name: `Bench card ${index + 1}`,
          item_sku: `BENCH-CARD-${index + 1}`,
          price: 50,
          stock: 1,
        })),
      },
    ],
    pushSchedule: [1000, 2000, 5000],
  })
  const { server, stop } = await startBenchServer("stock", log, { SHOPEE_ALLOWED_API_BASE_URLS: sandbox.url })
  try {
    await control(sandbox, "PATCH", `/_control/partners/${SANDBOX_PARTNER.partner_id}`, {
      callback_url: `${server.url}/connectors/shopee/webhook/sandbox`,
    })
    await configureSandboxProfile(server.api, sandbox.url)
    await connectSandboxShop(server.url, sandbox)
    const store = await storeContext(server.api)

    log(`(a) ${cards} one-of-a-kind cards, 1 copy on each side…`)
    await createProducts(server.api, store, { prefix: "BENCH-CARD", products: cards, variantsEach: 1, stock: 1, batch: 50, log })
    await importCatalogue(server, cards)
    await expectOk(
      server.api("POST", "/admin/shopee/stock/settings?env=sandbox", { mode: "mirror", max_writes_per_run: 100_000 }),
      "arm the writer"
    )
    await resync(server, sandbox)
    const sales = await timeSales(server, sandbox, cards)

    log(
      `(b) ${formatCount(models)} models: ${formatCount(items)} items of ${MODELS_PER_ITEM} models in the simulator, ${formatCount(models)} variants in Medusa…`
    )
    const setupStarted = performance.now()
    await control(sandbox, "POST", "/_control/items/bulk", {
      shop_id: SANDBOX_SHOP_ID,
      items: Array.from({ length: items }, (_, item) => ({
        item_name: `Bulk item ${item + 1}`,
        models: Array.from({ length: MODELS_PER_ITEM }, (_, model) => ({
          model_name: `G${model + 1}`,
          model_sku: `BULK-${item + 1}-${model + 1}`,
          stock: 5,
        })),
      })),
    })
    // Medusa has 4 of each, Shopee shows 5: the first resync writes every model.
    await createProducts(server.api, store, { prefix: "BULK", products: items, variantsEach: MODELS_PER_ITEM, stock: 4, batch: 20, log })
    log(`  Medusa variants created in ${seconds(setupStarted)} s; importing the catalogue…`)
    const importStarted = performance.now()
    await importCatalogue(server, cards + items)
    log(`  catalogue imported in ${seconds(importStarted)} s (setup ${seconds(setupStarted)} s in all)`)
    const first = await resync(server, sandbox)
    const second = await resync(server, sandbox)

    console.log("")
    console.log(`(a) store sale (complete answered) -> simulator shows the new stock, ${sales.length} cards sold one after the other`)
    console.log(
      `    p50 ${percentile(sales, 50).toFixed(0)} ms, p95 ${percentile(sales, 95).toFixed(0)} ms, min ${Math.min(...sales).toFixed(0)} ms, max ${Math.max(...sales).toFixed(0)} ms`
    )
    console.log("")
    console.log(`(b) full resync of ${formatCount(first.models)} mapped models (${formatCount(items + cards)} items)`)
    for (const [name, run] of [
      ["first (every model 5 -> 4)", first],
      ["second (already right)", second],
    ] as const) {
      console.log(
        `    ${name}: ${run.seconds.toFixed(1)} s, ${formatCount(run.written)} written, ${formatCount(run.updateStockCalls)} update_stock calls, ` +
          `${formatCount(run.shopeeCalls)} Shopee calls (${(run.shopeeCalls / run.models).toFixed(3)} per model: ${run.byPath})`
      )
    }
    // Cards sold in (a) show 0, bulk models Medusa's 4.
    const allWritten = (
      await control<{ models: { seller_stock: { stock: number }[] }[] }[]>(sandbox, "GET", `/_control/items?shop_id=${SANDBOX_SHOP_ID}`)
    )
      .flatMap((item) => item.models)
      .map((model) => model.seller_stock.reduce((sum, entry) => sum + entry.stock, 0))
      .filter((stock) => stock !== 4 && stock !== 0).length
    console.log(
      `    models not at Medusa's figure after the first resync: ${allWritten}; update_stock calls in the second resync: ${second.updateStockCalls}`
    )
    const figure = (name: string, value: number, unit: string) => ({
      name,
      value,
      unit,
      baseline: null,
      ratio: null,
      goal: null,
      met: null,
    })
    console.log(
      benchJsonLine("stock", [
        figure("store sale -> simulator stock, p50", percentile(sales, 50), "ms"),
        figure("store sale -> simulator stock, p95", percentile(sales, 95), "ms"),
        figure(`first full resync, ${formatCount(first.models)} models`, first.seconds, "s"),
        figure("Shopee calls per model, first resync", first.shopeeCalls / first.models, "calls"),
        {
          name: "update_stock calls, second resync",
          value: second.updateStockCalls,
          unit: "calls",
          baseline: null,
          ratio: null,
          goal: "= 0",
          met: second.updateStockCalls === 0,
        },
      ])
    )
    return sales.length === cards && second.updateStockCalls === 0 && allWritten === 0 ? 0 : 1
  } finally {
    log("stopping the simulator, Medusa, and dropping the database…")
    await sandbox.close().catch(() => undefined)
    await stop()
  }
}

const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1)

async function expectOk<T extends { status: number; data: any }>(answer: Promise<T>, step: string): Promise<T> {
  const result = await answer
  if (result.status >= 300) throw new Error(`${step}: ${result.status} ${JSON.stringify(result.data).slice(0, 500)}`)
  return result
}

/** A full catalogue import through the admin API, polled until it ends with `expectedItems` read. */
async function importCatalogue(server: BenchServer, expectedItems: number): Promise<void> {
  await expectOk(server.api("POST", "/admin/shopee/products/import?env=sandbox", { mode: "full" }), "start the catalogue import")
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 500))
    const { data } = await server.api("GET", "/admin/shopee/products/import?env=sandbox")
    if (data.run?.status === "failed") throw new Error(`catalogue import failed: ${data.run.error}`)
    if (data.run?.status === "succeeded") {
      if (data.run.summary.items_read < expectedItems)
        throw new Error(`catalogue import read ${data.run.summary.items_read} items, not ${expectedItems}`)
      return
    }
  }
}

type ResyncFigures = { seconds: number; models: number; written: number; updateStockCalls: number; shopeeCalls: number; byPath: string }

/** One full resync through the admin API, with the Shopee calls it made, from the simulator's request log. */
async function resync(server: BenchServer, sandbox: Sandbox): Promise<ResyncFigures> {
  await control(sandbox, "DELETE", "/_control/requests")
  const started = performance.now()
  const { data } = await expectOk(server.api("POST", "/admin/shopee/stock/runs?env=sandbox", { kind: "full" }), "full resync")
  const elapsed = (performance.now() - started) / 1000
  if (data.run.status !== "succeeded") throw new Error(`resync ${data.run.status}: ${data.run.reason}`)
  const requests = await control<{ path: string }[]>(sandbox, "GET", "/_control/requests")
  const byPath = new Map<string, number>()
  for (const request of requests) byPath.set(request.path, (byPath.get(request.path) ?? 0) + 1)
  return {
    seconds: elapsed,
    models: data.run.models,
    written: data.run.written,
    updateStockCalls: byPath.get(UPDATE_STOCK) ?? 0,
    shopeeCalls: requests.length,
    byPath: [...byPath].map(([path, count]) => `${path.replace("/api/v2/", "")} ${formatCount(count)}`).join(", "),
  }
}

/**
 * Sells each card once in the store and times, from the store's answer to complete, until the
 * simulator shows 0 for it. One sale at a time, so each figure is one sale's own delay.
 */
async function timeSales(server: BenchServer, sandbox: Sandbox, cards: number): Promise<number[]> {
  const key = await publishableKey(server.api)
  const { data: regions } = await server.api("GET", "/admin/regions?currency_code=sgd")
  const regionId = regions.regions[0].id
  const items = await control<{ item_id: number; item_sku: string }[]>(sandbox, "GET", `/_control/items?shop_id=${SANDBOX_SHOP_ID}`)
  const delays: number[] = []
  for (let index = 1; index <= cards; index++) {
    const sku = `BENCH-CARD-${index}`
    const { data } = await server.api("GET", `/admin/product-variants?sku=${sku}&fields=id`)
    const itemId = items.find((item) => item.item_sku === sku)!.item_id
    await sellInStore(server.url, key, regionId, data.variants[0].id)
    const sold = performance.now()
    for (;;) {
      const { models } = await control<{ models: { stock: number }[] }>(sandbox, "GET", `/_control/items/${itemId}/stock`)
      if (models[0].stock === 0) break
      if (performance.now() - sold > 120_000)
        throw new Error(`${sku}: the simulator still shows ${models[0].stock} two minutes after the sale`)
      await new Promise((resolve) => setTimeout(resolve, 25))
    }
    delays.push(performance.now() - sold)
    log(`  ${sku}: ${delays[delays.length - 1].toFixed(0)} ms`)
  }
  return delays
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`[bench:stock] failed: ${(error as Error).stack ?? error}`)
    process.exit(1)
  }
)
