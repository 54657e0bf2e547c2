import type { Browser, Page } from "playwright-core"
import { SANDBOX_PARTNER, SANDBOX_SHOP_ID, startTestSandbox } from "../helpers/sandbox"
import { findFreePort } from "../../scripts/free-port"
import { startAdminServer, type AdminServer } from "../../scripts/admin-server"
import { launchChromium, logInThroughLoginPage, openAdminPage, screenshot, type SessionState } from "./harness/browser"
import { resetShopeeState } from "./harness/shopee-state"
import { ShopeeRows } from "./harness/shopee-rows"

const PILL_SANDBOX = "Counts scoped to Sandbox (active). Low-stock is cross-env regardless."

let server: AdminServer | undefined
/** The test simulator's port, allowed as an API base URL when the server starts (no Shopee host). */
let simulatorPort: number
let browser: Browser | undefined
let session: SessionState
let rows: ShopeeRows

beforeAll(
  async () => {
    simulatorPort = await findFreePort()
    server = await startAdminServer({ env: { SHOPEE_ALLOWED_API_BASE_URLS: `http://127.0.0.1:${simulatorPort}` } })
    rows = await ShopeeRows.connect(server.databaseUrl)
    browser = await launchChromium()
    session = await logInThroughLoginPage(browser, server)
  },
  5 * 60 * 1000
)

afterAll(async () => {
  await rows?.close()
  await browser?.close()
  await server?.stop()
}, 60 * 1000)

beforeEach(async () => {
  await resetShopeeState(server!.api)
  await rows.clear()
}, 30 * 1000)

/** Runs a test on a fresh page; a failure leaves a screenshot named after the test. */
async function onPage(name: string, path: string, body: (page: Page) => Promise<void>): Promise<void> {
  const { context, page } = await openAdminPage(browser!, session, `${server!.url}/app${path}`)
  try {
    await body(page)
  } catch (error) {
    await screenshot(page, `FAILED-${name}`).catch(() => undefined)
    throw error
  } finally {
    await context.close()
  }
}

const params = (page: Page) => Object.fromEntries(new URL(page.url()).searchParams)

async function choose(page: Page, filter: string, option: string) {
  await page.getByRole("combobox", { name: filter }).click()
  await page.getByRole("option", { name: option, exact: true }).click()
}

async function waitForText(page: Page, testId: string, text: string) {
  await page
    .getByTestId(testId)
    .filter({ hasText: new RegExp(`^${text}$`) })
    .waitFor()
}

/** Sandbox: 3 ready to ship, 1 shipped. Live: 2 ready to ship, 1 completed. */
async function insertOrdersInBothEnvironments() {
  for (let i = 1; i <= 3; i++) await rows.orderSync({ environment: "sandbox", order_sn: `SBX00${i}RTS` })
  await rows.orderSync({ environment: "sandbox", order_sn: "SBX004SHP", shopee_status: "SHIPPED", tracking_number: "SPX-SBX-4" })
  for (let i = 1; i <= 2; i++) await rows.orderSync({ environment: "live", order_sn: `LIV00${i}RTS` })
  await rows.orderSync({ environment: "live", order_sn: "LIV003CMP", shopee_status: "COMPLETED" })
}

/** A Medusa order made the way an operator could: a draft order with a custom line, converted. */
async function createMedusaOrder(): Promise<{ id: string; display_id: number }> {
  const api = server!.api
  const { data: regions } = await api("GET", "/admin/regions?fields=id")
  const draft = await api("POST", "/admin/draft-orders", {
    email: "buyer@example.com",
    region_id: regions.regions[0].id,
    items: [{ title: "Charizard Holo", unit_price: 1250, quantity: 1 }],
  })
  if (draft.status >= 300) throw new Error(`draft order: ${draft.status} ${JSON.stringify(draft.data)}`)
  const converted = await api("POST", `/admin/draft-orders/${draft.data.draft_order.id}/convert-to-order`)
  if (converted.status >= 300) throw new Error(`convert: ${converted.status} ${JSON.stringify(converted.data)}`)
  return converted.data.order
}

it(
  "overview: counts scoped to the active environment, all envs with the toggle, cards open their list with the environment",
  async () => {
    await insertOrdersInBothEnvironments()
    await rows.exception({ environment: "sandbox", kind: "unknown_sku", message: "No product with SKU X", payload_ref: "SBX001RTS" })
    await rows.exception({ environment: "live", kind: "unknown_sku", message: "No product with SKU Y", payload_ref: "LIV001RTS" })
    await rows.exception({
      environment: "live",
      kind: "order_import_failed",
      message: "Timeout",
      payload_ref: "LIV002RTS",
      status: "retrying",
    })
    await rows.rawEvent({ environment: "sandbox", code: 3, body: { code: 3 }, status: "pending", processed: false })
    await rows.rawEvent({ environment: "live", code: 3, body: { code: 3 }, status: "failed", processed: false })
    await rows.rawEvent({ environment: "live", code: 4, body: { code: 4 }, status: "processed" })

    await onPage("overview", "/shopee/overview", async (page) => {
      await page.getByTestId("scope-pill").getByText(PILL_SANDBOX).waitFor()
      await waitForText(page, "card-orders-count", "4")
      await waitForText(page, "card-orders-READY_TO_SHIP-count", "3")
      await waitForText(page, "card-orders-SHIPPED-count", "1")
      expect(await page.getByTestId("card-orders-COMPLETED").count()).toBe(0)
      await waitForText(page, "card-open-exceptions-count", "1")
      await waitForText(page, "card-unprocessed-events-count", "1")
      await page.getByTestId("card-low-stock").waitFor()
      await screenshot(page, "overview-active-env")

      await page.getByRole("switch", { name: "View all envs" }).click()
      await waitForText(page, "card-orders-count", "7")
      await waitForText(page, "card-orders-READY_TO_SHIP-count", "5")
      await waitForText(page, "card-orders-COMPLETED-count", "1")
      await waitForText(page, "card-open-exceptions-count", "3")
      await waitForText(page, "card-unprocessed-events-count", "2")
      await page.getByTestId("scope-pill").getByText("Counts across all envs. Low-stock is cross-env regardless.").waitFor()
      expect(params(page)).toEqual({ env: "all" })
      await screenshot(page, "overview-all-envs")

      await page.getByRole("switch", { name: "View all envs" }).click()
      await page.getByTestId("scope-pill").getByText(PILL_SANDBOX).waitFor()
      await page.getByTestId("card-orders-READY_TO_SHIP").click()
      await page.waitForURL((url) => url.pathname === "/app/shopee/orders")
      expect(params(page)).toEqual({ env: "sandbox", status: "READY_TO_SHIP" })
      await page.getByTestId("orders-table").waitFor()
      expect(await page.locator("[data-testid^=order-row-]").count()).toBe(3)
      await page.getByRole("combobox", { name: "Env" }).getByText("Sandbox").waitFor()
      await page.getByRole("combobox", { name: "Status" }).getByText("Ready to ship").waitFor()

      await page.goBack()
      await page.getByTestId("card-open-exceptions").click()
      await page.waitForURL((url) => url.pathname === "/app/shopee/exceptions")
      expect(params(page)).toEqual({ env: "sandbox", status: "open,retrying" })
      await page.getByTestId("exceptions-table").getByText("No product with SKU X").waitFor()
      expect(await page.locator("[data-testid^=exception-row-]").count()).toBe(1)
    })
  },
  90 * 1000
)

it(
  "orders list: filters by Env and Status, searches by order_sn, pages on the server, links to the Medusa order",
  async () => {
    await insertOrdersInBothEnvironments()
    const order = await createMedusaOrder()
    await rows.orderSync({
      environment: "live",
      order_sn: "LIV009IMP",
      order_id: order.id,
      shopee_status: "SHIPPED",
      tracking_number: "SPXSG0009",
    })

    await onPage("orders-list", "/shopee/orders", async (page) => {
      await page.getByTestId("orders-table").waitFor()
      expect(await page.locator("[data-testid^=order-row-]").count()).toBe(8)
      await screenshot(page, "orders-all")

      await choose(page, "Env", "Live")
      await page.waitForURL((url) => url.searchParams.get("env") === "live")
      await page.getByTestId("order-row-SBX001RTS").waitFor({ state: "detached" })
      expect(await page.locator("[data-testid^=order-row-]").count()).toBe(4)
      expect(await page.getByTestId("orders-table").getByTestId("env-badge").allTextContents()).toEqual(["Live", "Live", "Live", "Live"])
      await screenshot(page, "orders-env-live")

      await choose(page, "Status", "Ready to ship")
      await page.waitForURL((url) => url.searchParams.get("status") === "READY_TO_SHIP")
      await page.getByTestId("order-row-LIV003CMP").waitFor({ state: "detached" })
      expect(await page.locator("[data-testid^=order-row-]").count()).toBe(2)

      await choose(page, "Status", "All")
      await page.getByPlaceholder("Search by order_sn").fill("009")
      await page.waitForURL((url) => url.searchParams.get("q") === "009")
      await page.getByTestId("order-row-LIV001RTS").waitFor({ state: "detached" })
      expect(await page.locator("[data-testid^=order-row-]").count()).toBe(1)

      await page
        .getByTestId("order-row-LIV009IMP")
        .getByRole("link", { name: `#${order.display_id}` })
        .click()
      await page.waitForURL((url) => url.pathname === `/app/orders/${order.id}`)
      // The order's page carries the widget with its Shopee side.
      const widget = page.getByTestId("shopee-order-widget")
      await widget.getByText("LIV009IMP").waitFor()
      await widget.getByText("SPXSG0009").waitFor()
      await widget.getByText("SHIPPED", { exact: true }).waitFor()
      await widget.getByTestId("fulfilment-status").getByText("Shipped").waitFor()
      await widget.getByText("880123").waitFor()
      await widget.getByText("Live").waitFor()
      await screenshot(page, "order-widget")
    })

    // A filter in the URL is a filter; the pager moves through the server's pages.
    for (let i = 10; i < 35; i++) await rows.orderSync({ environment: "sandbox", order_sn: `SBXPAGE${i}` })
    await onPage("orders-pages", "/shopee/orders?env=sandbox", async (page) => {
      await page.getByTestId("orders-table").waitFor()
      expect(await page.locator("[data-testid^=order-row-]").count()).toBe(20)
      await page.getByText("20 of 29 results", { exact: true }).waitFor()
      await page.getByText("1 of 2 pages", { exact: true }).waitFor()
      await page.getByRole("button", { name: "Next" }).click()
      await page.waitForURL((url) => url.searchParams.get("offset") === "20")
      await page.getByTestId("order-row-SBX001RTS").waitFor()
      expect(await page.locator("[data-testid^=order-row-]").count()).toBe(9)
      expect(params(page)).toEqual({ env: "sandbox", offset: "20" })
    })
  },
  120 * 1000
)

it(
  "order widget: nothing on an order that did not come from Shopee",
  async () => {
    const order = await createMedusaOrder()
    await onPage("order-widget-none", `/orders/${order.id}`, async (page) => {
      await page.getByText(`#${order.display_id}`).first().waitFor()
      // The widget's read has answered (null) once the page has settled.
      await page.waitForResponse((response) => response.url().includes(`/admin/shopee/orders/by-order/${order.id}`)).catch(() => undefined)
      await page.waitForTimeout(500)
      expect(await page.getByTestId("shopee-order-widget").count()).toBe(0)
    })
  },
  60 * 1000
)

it(
  "exceptions list: Env badges and filters, Retry shows the outcome and counts the attempt, Resolve closes",
  async () => {
    const simulator = await startTestSandbox(simulatorPort)
    try {
      await connectSandboxShop(simulator.url)
      const unknown = await rows.exception({
        environment: "sandbox",
        kind: "order_import_failed",
        message: "Importing Shopee order 251199NOSUCH failed: timeout",
        payload_ref: "251199NOSUCH",
      })
      await rows.exception({ environment: "live", kind: "unknown_sku", message: "No product with SKU PKM-XX", payload_ref: "LIV001RTS" })
      const legacy = await rows.exception({
        environment: null,
        kind: "push_processing_failed",
        message: "From before environments",
        payload_ref: null,
      })
      const burst = await rows.exception({
        environment: "live",
        kind: "push_signature_invalid",
        message: "A push failed its signature check",
        payload_ref: "shevt_first",
        occurrences: 7,
        first_seen_at: new Date("2026-11-30T10:00:00Z"),
        last_seen_at: new Date("2026-11-30T10:05:00Z"),
      })

      await onPage("exceptions", "/shopee/exceptions", async (page) => {
        const unknownRow = page.getByTestId(`exception-row-${unknown.id}`)
        await unknownRow.waitFor()
        expect(await page.locator("[data-testid^=exception-row-]").count()).toBe(4)
        // A burst folded into one row says how many times, and when last.
        await page
          .getByTestId(`exception-row-${burst.id}`)
          .getByTestId("exception-occurrences")
          .getByText(/^7 times, last /)
          .waitFor()
        expect(await unknownRow.getByTestId("exception-occurrences").count()).toBe(0)
        await page.getByTestId(`exception-row-${legacy.id}`).getByTestId("env-badge").getByText("—").waitFor()
        await screenshot(page, "exceptions-all")

        await choose(page, "Env", "Sandbox")
        await page.waitForURL((url) => url.searchParams.get("env") === "sandbox")
        await page.getByTestId(`exception-row-${legacy.id}`).waitFor({ state: "detached" })
        expect(await page.locator("[data-testid^=exception-row-]").count()).toBe(1)

        await unknownRow.getByTestId("exception-attempts").getByText("0").waitFor()
        await unknownRow.getByRole("button", { name: "Retry" }).click()
        const toast = page.locator('section[aria-label^="Notifications"] li')
        await toast.getByText(/^Retry (failed|succeeded|not possible)$/).waitFor()
        await toast
          .getByText(/251199NOSUCH/)
          .first()
          .waitFor()
        await unknownRow.getByTestId("exception-attempts").getByText("1").waitFor()
        await screenshot(page, "exceptions-retried")
        const stored = await rows.query("SELECT attempts, status FROM connector_exception WHERE id = $1", [unknown.id])
        expect(stored.rows[0].attempts).toBe(1)

        await unknownRow.getByRole("button", { name: "Resolve" }).click()
        await page.getByText("Exception resolved").waitFor()
        await unknownRow
          .getByText(/^Resolved/)
          .first()
          .waitFor()
        await unknownRow.getByRole("button", { name: "Retry" }).waitFor({ state: "detached" })
        expect((await rows.query("SELECT status FROM connector_exception WHERE id = $1", [unknown.id])).rows[0].status).toBe("resolved")
      })
    } finally {
      await simulator.close()
    }
  },
  90 * 1000
)

it(
  "exceptions list: a kind that cannot be retried shows the API's message",
  async () => {
    const unretryable = await rows.exception({
      environment: "live",
      kind: "shop_deauthorized",
      message: "The shop revoked the authorization",
      payload_ref: "shevt_x",
    })
    await onPage("exceptions-not-retryable", "/shopee/exceptions?env=live", async (page) => {
      await page.getByTestId(`exception-row-${unretryable.id}`).getByRole("button", { name: "Retry" }).click()
      const toast = page.locator('section[aria-label^="Notifications"] li')
      await toast.getByText(/^(Could not retry the exception|Retry not possible)$/).waitFor()
      await toast
        .getByText(/shop_deauthorized/)
        .first()
        .waitFor()
      await screenshot(page, "exceptions-not-retryable")
    })
  },
  60 * 1000
)

it(
  "events list: code names, signature results, details with the raw body, Replay",
  async () => {
    const status = await rows.rawEvent({
      environment: "sandbox",
      code: 3,
      body: { code: 3, shop_id: 700001, data: { ordersn: "SBX001RTS", status: "READY_TO_SHIP" } },
      order_sn: "SBX001RTS",
      shop_id: "700001",
    })
    await rows.rawEvent({ environment: "sandbox", code: 4, body: { code: 4, data: { ordersn: "SBX001RTS", tracking_no: "SPX1" } } })
    await rows.rawEvent({ environment: "live", code: 12, body: { code: 12 }, status: "ignored", processed: true })
    const rejected = await rows.rawEvent({
      environment: "sandbox",
      code: 3,
      body: { code: 3, forged: true },
      signature_ok: false,
      status: "rejected",
      processed: false,
      status_reason: "The signature does not match",
    })

    await onPage("events", "/shopee/events", async (page) => {
      const table = page.getByTestId("events-table")
      await table.waitFor()
      for (const name of ["Order status update", "Tracking number", "Authorization expiring"]) {
        await table.getByText(name, { exact: true }).first().waitFor()
      }
      await page.getByTestId(`event-row-${rejected.id}`).getByText("Failed", { exact: true }).waitFor()
      await page.getByTestId(`event-row-${status.id}`).getByText("Verified", { exact: true }).waitFor()
      expect(await table.getByRole("button", { name: "Replay" }).count()).toBe(4)
      await screenshot(page, "events-all")

      await page.getByTestId(`event-row-${status.id}`).getByRole("button", { name: "Details" }).click()
      await page
        .getByTestId("event-raw-body")
        .getByText(/"ordersn": "SBX001RTS"/)
        .waitFor()
      await screenshot(page, "event-details")
      await page.getByRole("button", { name: "Close" }).click()
      await page.getByTestId("event-details").waitFor({ state: "detached" })

      // A rejected push is not processed again: the API says why.
      await page.getByTestId(`event-row-${rejected.id}`).getByRole("button", { name: "Replay" }).click()
      const toast = page.locator('section[aria-label^="Notifications"] li')
      await toast
        .getByText(/^(Could not replay the push|Replay .+)$/)
        .first()
        .waitFor()
      await screenshot(page, "events-replay-rejected")

      await choose(page, "Env", "Live")
      await page.waitForURL((url) => url.searchParams.get("env") === "live")
      await page.getByTestId(`event-row-${status.id}`).waitFor({ state: "detached" })
      expect(await page.locator("[data-testid^=event-row-]").count()).toBe(1)
    })
  },
  60 * 1000
)

it(
  "every list and the overview show the API's error and recover on Retry",
  async () => {
    const failing = { status: 500, json: { type: "unknown_error", message: "An unknown error occurred." } }
    const pages = [
      { path: "/shopee/overview", api: "**/admin/dashboard/summary*", title: "The counts could not be loaded" },
      { path: "/shopee/orders", api: "**/admin/shopee/orders?*", title: "The Shopee orders could not be loaded" },
      { path: "/shopee/exceptions", api: "**/admin/shopee/exceptions?*", title: "The exceptions could not be loaded" },
      { path: "/shopee/events", api: "**/admin/shopee/events?*", title: "The events could not be loaded" },
    ]
    for (const { path, api, title } of pages) {
      await onPage(`error-${path.split("/").pop()}`, path, async (page) => {
        await page.route(api, (route) => route.fulfill(failing))
        await page.reload()
        await page.getByText(title).waitFor({ timeout: 30_000 })
        await page.getByText("An unknown error occurred.").first().waitFor()
        await page.getByTestId("shopee-nav").waitFor()
        await screenshot(page, `error-${path.split("/").pop()}`)
        await page.unrouteAll()
        await page.getByRole("button", { name: "Retry" }).click()
        await page.getByText(title).waitFor({ state: "detached" })
      })
    }
    await onPage("empty-lists", "/shopee/exceptions", async (page) => {
      await page.getByText("No exceptions: nothing needs a person.").waitFor()
      const nav = page.getByTestId("shopee-nav")
      await nav.getByRole("link", { name: "Events" }).click()
      await page.getByText("No pushes received yet.").waitFor()
      await nav.getByRole("link", { name: "Orders" }).click()
      await page.getByText("No Shopee orders yet.").waitFor()
      await nav.getByRole("link", { name: "Connection" }).click()
      await page.getByTestId("active-environment-banner").waitFor()
      await screenshot(page, "connection-with-nav")
    })
  },
  120 * 1000
)

/** The sandbox profile pointed at the simulator, and the shop authorized through the callback. */
async function connectSandboxShop(simulatorUrl: string) {
  const patched = await server!.api("PATCH", "/admin/shopee/credentials?env=sandbox", {
    ...SANDBOX_PARTNER,
    shop_id: SANDBOX_SHOP_ID,
    api_base_url: simulatorUrl,
  })
  if (patched.status >= 300) throw new Error(`PATCH credentials: ${patched.status} ${JSON.stringify(patched.data)}`)
  const codeResponse = await fetch(`${simulatorUrl}/_control/auth_code`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ partner_id: SANDBOX_PARTNER.partner_id, shop_id: SANDBOX_SHOP_ID }),
  })
  const { code } = (await codeResponse.json()) as { code: string }
  const callback = await fetch(`${server!.url}/connectors/shopee/oauth/callback/sandbox?code=${code}&shop_id=${SANDBOX_SHOP_ID}`, {
    redirect: "manual",
  })
  if (!String(callback.headers.get("location")).includes("status=ok")) {
    throw new Error(`Connecting the sandbox shop failed: ${callback.headers.get("location")}`)
  }
}
