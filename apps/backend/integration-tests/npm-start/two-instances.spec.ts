import crypto from "node:crypto"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { DEMO_PARTNER_ID, DEMO_SHOP_ID } from "@shopee-medusa/shopee-sandbox"
import { adminApi, databaseUrlFor, dropDatabase, type AdminApi, type AdminServer } from "../../scripts/admin-server"
import { LIVE_DEMO_PARTNER, LIVE_DEMO_SHOP_ID } from "../../scripts/demo-sandbox"
import { findFreePort, isPortTaken } from "../../scripts/free-port"
import { startNpmStart, type NpmStart } from "../../scripts/npm-start-process"
import { launchChromium, logInThroughLoginPage, openAdminPage, screenshot } from "../browser/harness/browser"

/**
 * `npm start -- --instances sandbox,live` as a person types it: a staging instance pinned to
 * sandbox and a production instance pinned to live, each with its own database and simulator
 * (the live one stands in for Shopee's live hosts). Each shop is authorized in its own instance;
 * pushes and orders of one shop reach only its instance; neither instance can switch; each tells
 * which it is and where the other is.
 */
const BACKEND = path.resolve(__dirname, "../..")

type Environment = "sandbox" | "live"
type Instance = {
  url: string
  simulatorUrl: string
  admin: { email: string; password: string }
  api: AdminApi
  partnerId: number
  shopId: number
}

const TITLES: Record<Environment, string> = { sandbox: "Staging, pinned to sandbox:", live: "Production, pinned to live:" }

let started: NpmStart | undefined
let dataDir: string
const databaseBase = `instances_e2e_${process.pid}_${crypto.randomBytes(3).toString("hex")}`
const instances = {} as Record<Environment, Instance>

/** A port that is free, with the next one free too: the launcher puts live on PORT+1. */
async function freePortPair(): Promise<number> {
  for (;;) {
    const port = await findFreePort()
    if (port < 65535 && !(await isPortTaken(port + 1))) return port
  }
}

/** One instance's lines of the banner: its admin URL, simulator URL and login. */
function readInstanceBanner(output: string, environment: Environment) {
  const block = output.slice(output.lastIndexOf(TITLES[environment]))
  const admin = /Medusa admin:\s+(\S+)\/app\s*$/m.exec(block)
  const simulator = /Shopee simulator:\s+(\S+)\/console/m.exec(block)
  const login = /Admin login:\s+(\S+) \/ (\S+)\s+\(shown this once\)/m.exec(block)
  if (!admin || !simulator || !login) throw new Error(`no banner for ${environment}:\n${output.slice(-4000)}`)
  return { url: admin[1], simulatorUrl: simulator[1], admin: { email: login[1], password: login[2] } }
}

async function simulator<T = any>(environment: Environment, method: string, route: string, body?: unknown): Promise<T> {
  const response = await fetch(`${instances[environment].simulatorUrl}${route}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await response.text()
  if (!response.ok) throw new Error(`${environment} simulator ${method} ${route}: ${response.status} ${text}`)
  return (text ? JSON.parse(text) : undefined) as T
}

/** What the seller's "Authorize" does: the simulator's code, handed to the instance's callback for its environment. */
async function authorize(environment: Environment): Promise<void> {
  const { partnerId, shopId, url } = instances[environment]
  const { code } = await simulator<{ code: string }>(environment, "POST", "/_control/auth_code", { partner_id: partnerId, shop_id: shopId })
  const callback = await fetch(`${url}/connectors/shopee/oauth/callback/${environment}?code=${code}&shop_id=${shopId}`, {
    redirect: "manual",
  })
  expect(callback.headers.get("location")).toContain("status=ok")
}

type SyncRow = { order_sn: string; order_id: string | null; state: string; environment?: string }

async function syncRows(environment: Environment, orderSn: string): Promise<SyncRow[]> {
  const { status, data } = await instances[environment].api<{ orders: SyncRow[] }>("GET", `/admin/shopee/orders?q=${orderSn}`)
  expect(status).toEqual(200)
  return data.orders.filter((row) => row.order_sn === orderSn)
}

/** A paid order of the first card in the environment's shop, as a buyer places it. */
async function placeOrder(environment: Environment): Promise<string> {
  const items = await simulator<{ item_id: number }[]>(environment, "GET", `/_control/items?shop_id=${instances[environment].shopId}`)
  const order = await simulator<{ order_sn: string }>(environment, "POST", "/_control/orders", {
    shop_id: instances[environment].shopId,
    items: [{ item_id: items[0].item_id, quantity: 1 }],
    status: "READY_TO_SHIP",
  })
  return order.order_sn
}

/** Polls until the order's push has been imported into a Medusa order (the push is asynchronous). */
async function importedRow(environment: Environment, orderSn: string): Promise<SyncRow> {
  const deadline = Date.now() + 120_000
  for (;;) {
    const [row] = await syncRows(environment, orderSn)
    if (row?.state === "imported" && row.order_id) return row
    if (Date.now() > deadline) throw new Error(`${orderSn} never imported into the ${environment} instance: ${JSON.stringify(row)}`)
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
}

type EventRow = { environment: string; shop_id: string | null; order_sn: string | null; signature_ok: boolean }

async function events(environment: Environment): Promise<EventRow[]> {
  const { status, data } = await instances[environment].api<{ events: EventRow[] }>("GET", "/admin/shopee/events?limit=100")
  expect(status).toEqual(200)
  return data.events
}

beforeAll(
  async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "shopee-two-instances-"))
    started = await startNpmStart({
      args: ["--instances", "sandbox,live"],
      logFile: path.join(BACKEND, "test-results/two-instances.log"),
      env: {
        DATABASE_URL: databaseUrlFor(databaseBase),
        SHOPEE_DATA_DIR: dataDir,
        PORT: String(await freePortPair()),
        SHOPEE_SANDBOX_PORT: String(await freePortPair()),
      },
      timeoutMs: 15 * 60_000,
    })
    const output = started.output()
    for (const environment of ["sandbox", "live"] as const) {
      const banner = readInstanceBanner(output, environment)
      instances[environment] = {
        url: banner.url,
        simulatorUrl: banner.simulatorUrl,
        admin: banner.admin,
        api: await adminApi(banner.url, banner.admin),
        partnerId: environment === "live" ? LIVE_DEMO_PARTNER.partner_id : DEMO_PARTNER_ID,
        shopId: environment === "live" ? LIVE_DEMO_SHOP_ID : DEMO_SHOP_ID,
      }
    }
  },
  16 * 60 * 1000
)

afterAll(async () => {
  const stopped = await started?.stop()
  for (const environment of ["sandbox", "live"]) {
    await dropDatabase(databaseUrlFor(`${databaseBase}_${environment}`)).catch(() => undefined)
  }
  fs.rmSync(dataDir, { recursive: true, force: true })
  expect(stopped?.leftovers ?? []).toEqual([])
}, 90 * 1000)

it("starts two instances on two ports, each on its own database, with its own secrets", () => {
  expect(instances.sandbox.url).not.toEqual(instances.live.url)
  expect(Number(new URL(instances.live.url).port)).toEqual(Number(new URL(instances.sandbox.url).port) + 1)
  const output = started!.output()
  expect(output).toContain(`sandbox database: ${databaseUrlFor(`${databaseBase}_sandbox`)}`)
  expect(output).toContain(`live database: ${databaseUrlFor(`${databaseBase}_live`)}`)
  const secrets = (environment: Environment) => fs.readFileSync(path.join(dataDir, "instances", environment, "secrets.json"), "utf8")
  expect(secrets("sandbox")).not.toEqual(secrets("live"))
})

it("each instance says which it is and where the other is", async () => {
  const sandbox = await instances.sandbox.api("GET", "/admin/shopee/instance")
  const live = await instances.live.api("GET", "/admin/shopee/instance")
  expect(sandbox).toMatchObject({
    status: 200,
    data: { active_environment: "sandbox", pinned_environment: "sandbox", other_instance_url: instances.live.url },
  })
  expect(live).toMatchObject({
    status: 200,
    data: { active_environment: "live", pinned_environment: "live", other_instance_url: instances.sandbox.url },
  })
})

it("neither instance switches environments, and each says why", async () => {
  const live = await instances.live.api("POST", "/admin/shopee/active-environment", { environment: "sandbox" })
  expect(live.status).toEqual(409)
  expect(live.data.message).toEqual(
    "This instance is pinned to live by the plugin option pinned_environment; it cannot switch environments."
  )
  const sandbox = await instances.sandbox.api("POST", "/admin/shopee/active-environment", { environment: "live" })
  expect(sandbox.status).toEqual(409)
  expect(sandbox.data.message).toEqual(
    "This instance is pinned to sandbox by the plugin option pinned_environment; it cannot switch environments."
  )
  expect((await instances.live.api("GET", "/admin/shopee/active-environment")).data.active_environment).toEqual("live")
})

it(
  "an order in each shop lands only in its own instance, and live's pushes reach only the live instance",
  async () => {
    await authorize("sandbox")
    await authorize("live")
    const liveOrder = await placeOrder("live")
    const sandboxOrder = await placeOrder("sandbox")

    const liveRow = await importedRow("live", liveOrder)
    const sandboxRow = await importedRow("sandbox", sandboxOrder)
    await simulator("live", "POST", "/_control/pushes/wait_idle", {})
    await simulator("sandbox", "POST", "/_control/pushes/wait_idle", {})

    expect(await syncRows("sandbox", liveOrder)).toEqual([])
    expect(await syncRows("live", sandboxOrder)).toEqual([])
    // The Medusa order behind each row exists in its own instance only.
    expect((await instances.live.api("GET", `/admin/orders/${liveRow.order_id}`)).status).toEqual(200)
    expect((await instances.sandbox.api("GET", `/admin/orders/${liveRow.order_id}`)).status).toEqual(404)
    expect((await instances.sandbox.api("GET", `/admin/orders/${sandboxRow.order_id}`)).status).toEqual(200)
    expect((await instances.live.api("GET", `/admin/orders/${sandboxRow.order_id}`)).status).toEqual(404)

    const liveEvents = await events("live")
    const sandboxEvents = await events("sandbox")
    expect(liveEvents.some((event) => event.order_sn === liveOrder)).toBe(true)
    expect(sandboxEvents.some((event) => event.order_sn === sandboxOrder)).toBe(true)
    // Pushes about no shop (the partner's own) carry no shop_id; none carries the other shop's.
    const belongs = (environment: Environment) => (event: EventRow) =>
      event.environment === environment &&
      event.signature_ok &&
      (event.shop_id === null || event.shop_id === String(instances[environment].shopId))
    expect(liveEvents.filter((event) => !belongs("live")(event))).toEqual([])
    expect(sandboxEvents.filter((event) => !belongs("sandbox")(event))).toEqual([])
  },
  5 * 60 * 1000
)

it(
  "each admin's Shopee pages name the instance and link to the other's",
  async () => {
    const browser = await launchChromium()
    try {
      for (const [own, other] of [
        ["sandbox", "live"],
        ["live", "sandbox"],
      ] as const) {
        const session = await logInThroughLoginPage(browser, { url: instances[own].url, admin: instances[own].admin } as AdminServer)
        for (const route of ["/app/shopee", "/app/shopee/orders"]) {
          const { context, page } = await openAdminPage(browser, session, `${instances[own].url}${route}`)
          try {
            const switcher = page.getByTestId("instance-switcher")
            await switcher.waitFor()
            expect(await switcher.getAttribute("data-environment")).toEqual(own)
            await expect(switcher.getByTestId("instance-name").isVisible()).resolves.toBe(true)
            const link = switcher.getByTestId("instance-switcher-link")
            expect(await link.getAttribute("href")).toEqual(`${instances[other].url}/app/shopee`)
            await screenshot(page, `two-instances-${own}${route.replaceAll("/", "-")}`)
            await link.click()
            await page.waitForURL((url) => url.origin === new URL(instances[other].url).origin)
          } finally {
            await context.close()
          }
        }
      }
    } finally {
      await browser.close()
    }
  },
  3 * 60 * 1000
)
