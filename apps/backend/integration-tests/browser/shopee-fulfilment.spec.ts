import type { Browser, Locator, Page } from "playwright-core"
import { DEMO_PARTNER_ID, DEMO_SHOP_ID } from "@shopee-medusa/shopee-sandbox"
import { startAdminServer, type AdminServer } from "../../scripts/admin-server"
import { launchChromium, logInThroughLoginPage, openAdminPage, screenshot, type SessionState } from "./harness/browser"

/**
 * Arranging Shopee shipments from the admin, against the simulator `npm start` runs beside
 * Medusa: orders are created on the simulator, reach Medusa through their pushes, and are
 * arranged from the order's widget (each mode) and in bulk from the Shopee orders list.
 */

let server: AdminServer | undefined
let browser: Browser | undefined
let session: SessionState

type SyncRow = {
  id: string
  order_sn: string
  order_id: string | null
  state: string
  shipment_state: string | null
  tracking_number: string | null
}
type Logistics = {
  order_status: string
  arrangement: { mode: string; address_id: number | null; pickup_time_id: string | null; branch_id: number | null } | null
}
type ShippingParameter = {
  pickup: { address_list: { address_id: number; address_flag: string[]; time_slot_list: { pickup_time_id: string; flags?: string[] }[] }[] }
}

async function simulator<T = any>(method: string, route: string, body?: unknown): Promise<T> {
  const response = await fetch(`${server!.sandboxUrl}${route}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await response.text()
  if (!response.ok) throw new Error(`${method} ${route}: ${response.status} ${text}`)
  return (text ? JSON.parse(text) : undefined) as T
}

async function connectDemoShop(): Promise<void> {
  const { code } = await simulator<{ code: string }>("POST", "/_control/auth_code", { partner_id: DEMO_PARTNER_ID, shop_id: DEMO_SHOP_ID })
  const callback = await fetch(`${server!.url}/connectors/shopee/oauth/callback/sandbox?code=${code}&shop_id=${DEMO_SHOP_ID}`, {
    redirect: "manual",
  })
  if (!String(callback.headers.get("location")).includes("status=ok")) {
    throw new Error(`connecting failed: ${callback.headers.get("location")}`)
  }
}

/** The connector's row of a Shopee order, read through the orders list route the page reads. */
async function syncRow(orderSn: string): Promise<SyncRow | undefined> {
  const { data } = await server!.api<{ orders: SyncRow[] }>("GET", `/admin/shopee/orders?q=${orderSn}`)
  return data.orders.find((row) => row.order_sn === orderSn)
}

/** Booster boxes on both sides: the demo's 12 are too few for a bulk of 20 beside the other tests. */
const BOOSTER_STOCK = 60

/** Raises the booster box's stock at the simulator's shop and at Medusa's location, so that every order below is covered. */
async function stockBoosterBoxes(): Promise<void> {
  const items = await simulator<{ item_id: number; item_sku: string }[]>("GET", `/_control/items?shop_id=${DEMO_SHOP_ID}`)
  const booster = items.find((item) => item.item_sku === "PKM-SV1-BB")!
  await simulator("POST", `/_control/items/${booster.item_id}/stock`, { stock: BOOSTER_STOCK })
  const { data: inventory } = await server!.api<{ inventory_items: { id: string; location_levels: { location_id: string }[] }[] }>(
    "GET",
    "/admin/inventory-items?sku=PKM-SV1-BB&fields=id,*location_levels"
  )
  for (const item of inventory.inventory_items) {
    for (const level of item.location_levels) {
      const set = await server!.api("POST", `/admin/inventory-items/${item.id}/location-levels/${level.location_id}`, {
        stocked_quantity: BOOSTER_STOCK,
      })
      if (set.status !== 200) throw new Error(`setting the booster box's stock: ${set.status} ${JSON.stringify(set.data)}`)
    }
  }
}

/** Paid orders of the booster box, each imported into Medusa through its push. */
async function importedOrders(count: number): Promise<SyncRow[]> {
  const items = await simulator<{ item_id: number; item_sku: string }[]>("GET", `/_control/items?shop_id=${DEMO_SHOP_ID}`)
  const booster = items.find((item) => item.item_sku === "PKM-SV1-BB")!
  const created: string[] = []
  for (let i = 0; i < count; i++) {
    const order = await simulator<{ order_sn: string }>("POST", "/_control/orders", {
      shop_id: DEMO_SHOP_ID,
      items: [{ item_id: booster.item_id, quantity: 1 }],
      status: "READY_TO_SHIP",
    })
    created.push(order.order_sn)
  }
  const rows: SyncRow[] = []
  for (const orderSn of created) {
    for (let attempt = 0; ; attempt++) {
      const row = await syncRow(orderSn)
      if (row?.state === "imported" && row.order_id) {
        rows.push(row)
        break
      }
      if (attempt === 60) throw new Error(`Shopee order ${orderSn} was not imported: ${JSON.stringify(row)}`)
      await new Promise((resolve) => setTimeout(resolve, 500))
    }
  }
  return rows
}

const logistics = (orderSn: string) => simulator<Logistics>("GET", `/_control/orders/${orderSn}/logistics`)

beforeAll(
  async () => {
    server = await startAdminServer()
    await connectDemoShop()
    await stockBoosterBoxes()
    browser = await launchChromium()
    session = await logInThroughLoginPage(browser, server)
  },
  5 * 60 * 1000
)

afterAll(async () => {
  await browser?.close()
  await server?.stop()
}, 60 * 1000)

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

async function choose(scope: Locator, page: Page, select: string, option: string | RegExp) {
  await scope.getByRole("combobox", { name: select }).click()
  await page.getByRole("option", { name: option }).click()
}

/** The order's page, with the widget's Fulfilment status showing. */
async function openWidget(page: Page, row: SyncRow): Promise<Locator> {
  await page.goto(`${server!.url}/app/orders/${row.order_id}`)
  const widget = page.getByTestId("shopee-order-widget")
  await widget.getByRole("link", { name: row.order_sn }).waitFor()
  return widget
}

it(
  "order widget: arranges a pickup at the recommended slot, a drop-off at the chosen branch, a non-integrated shipment with its tracking number; the list says Arranged",
  async () => {
    const [pickup, dropoff, own] = await importedOrders(3)
    await simulator("POST", `/_control/orders/${own.order_sn}/logistics`, { modes: ["non_integrated"] })
    const offered = await server!.api<{ shipping_parameter: ShippingParameter }>(
      "GET",
      `/admin/shopee/orders/${pickup.id}/shipping-parameter`
    )
    const defaultAddress = offered.data.shipping_parameter.pickup.address_list.find((address) =>
      address.address_flag.includes("default_address")
    )!
    const recommended = defaultAddress.time_slot_list.find((slot) => slot.flags?.includes("recommended"))!

    await onPage("fulfilment-widget", `/orders/${pickup.order_id}`, async (page) => {
      let widget = await openWidget(page, pickup)
      await widget.getByTestId("fulfilment-status").getByText("To ship").waitFor()
      const form = widget.getByTestId("arrange-shipment")
      await form.getByRole("combobox", { name: "Mode" }).getByText("Pickup").waitFor()
      await form
        .getByRole("combobox", { name: "Pickup address" })
        .getByText(/2 Seller Street/)
        .waitFor()
      await form.getByRole("combobox", { name: "Pickup time" }).waitFor()
      await screenshot(page, "fulfilment-widget-pickup")
      await form.getByRole("button", { name: "Arrange shipment" }).click()
      await widget.getByTestId("fulfilment-status").getByText("Arranged").waitFor()
      await form.waitFor({ state: "detached" })
      await widget.getByRole("button", { name: "Print label" }).waitFor()
      expect((await logistics(pickup.order_sn)).arrangement).toMatchObject({
        mode: "pickup",
        address_id: defaultAddress.address_id,
        pickup_time_id: recommended.pickup_time_id,
      })

      widget = await openWidget(page, dropoff)
      await choose(widget, page, "Mode", "Drop-off")
      await choose(widget, page, "Drop-off branch", /50 Tampines/)
      await widget.getByRole("button", { name: "Arrange shipment" }).click()
      await widget.getByTestId("fulfilment-status").getByText("Arranged").waitFor()
      expect((await logistics(dropoff.order_sn)).arrangement).toMatchObject({ mode: "dropoff", branch_id: 3002 })

      widget = await openWidget(page, own)
      await widget.getByTestId("arrange-shipment-mode").getByText("Mode: Non-integrated (own tracking number)").waitFor()
      const arrange = widget.getByRole("button", { name: "Arrange shipment" })
      expect(await arrange.isDisabled()).toBe(true)
      await widget.getByLabel("Tracking number").fill("OWN-TRK-0001")
      await arrange.click()
      await widget.getByTestId("fulfilment-status").getByText("Arranged").waitFor()
      await widget.getByText("OWN-TRK-0001").waitFor()
      expect((await logistics(own.order_sn)).arrangement).toMatchObject({ mode: "non_integrated" })
      await screenshot(page, "fulfilment-widget-arranged")

      await page.goto(`${server!.url}/app/shopee/orders?env=sandbox`)
      for (const row of [pickup, dropoff, own]) {
        await page.getByTestId(`order-row-${row.order_sn}`).getByTestId("fulfilment-status").getByText("Arranged").waitFor()
      }
      await screenshot(page, "fulfilment-list-arranged")
    })
  },
  3 * 60 * 1000
)

it(
  "orders list: bulk-arranges 20 selected orders with progress to 20 / 20 and each outcome; the cancelled one is refused with the reason, shown on its widget",
  async () => {
    const rows = await importedOrders(20)
    const [before, allocating, cancelled, ...fresh] = rows
    const arrangedBefore = await server!.api("POST", `/admin/shopee/orders/${before.id}/ship`, { mode: "pickup" })
    expect(arrangedBefore.status).toBe(200)
    await simulator("POST", `/_control/orders/${allocating.order_sn}/logistics`, { allocating: true })
    await simulator("POST", `/_control/orders/${cancelled.order_sn}/cancel`, {
      via_in_cancel: true,
      cancel_by: "buyer",
      reason: "Change of mind",
    })

    await onPage("fulfilment-bulk", "/shopee/orders?env=sandbox", async (page) => {
      for (const row of rows) await page.getByRole("checkbox", { name: `Select ${row.order_sn}` }).click()
      const bar = page.getByTestId("bulk-actions")
      await bar.getByTestId("bulk-selected-count").getByText("20 selected").waitFor()
      await bar.getByRole("button", { name: "Arrange shipment" }).click()
      const drawer = page.getByTestId("bulk-arrange")
      await drawer
        .getByRole("combobox", { name: "Mode" })
        .getByText(/^Pickup/)
        .waitFor()
      await drawer.getByRole("button", { name: "Arrange (20)" }).click()
      await drawer.getByTestId("bulk-progress-count").getByText("20 / 20").waitFor()
      expect(await drawer.getByRole("progressbar").getAttribute("aria-valuenow")).toBe("20")
      await screenshot(page, "fulfilment-bulk-report")

      const outcome = (row: SyncRow) => drawer.getByTestId(`bulk-outcome-${row.order_sn}`)
      for (const row of fresh) await outcome(row).getByText("Arranged", { exact: true }).waitFor()
      await outcome(before).getByText("Already arranged").waitFor()
      await outcome(allocating).getByText("Retry later").waitFor()
      await outcome(allocating)
        .getByText(/being allocated/i)
        .waitFor()
      await outcome(cancelled).getByText("Refused").waitFor()
      await outcome(cancelled)
        .getByText(/IN_CANCEL/)
        .waitFor()

      await drawer.getByRole("button", { name: "Close" }).click()
      await drawer.waitFor({ state: "detached" })
      const status = (row: SyncRow) => page.getByTestId(`order-row-${row.order_sn}`).getByTestId("fulfilment-status")
      for (const row of [...fresh, before]) await status(row).getByText("Arranged").waitFor()
      await status(allocating).getByText("Retry later").waitFor()
      await status(cancelled).getByText("Refused").waitFor()
      await screenshot(page, "fulfilment-bulk-list")

      const widget = await openWidget(page, cancelled)
      await widget.getByTestId("fulfilment-status").getByText("Refused").waitFor()
      await widget
        .getByTestId("shipment-reason")
        .getByText(/^Refused: .*IN_CANCEL/)
        .waitFor()
      expect(await widget.getByTestId("arrange-shipment").count()).toBe(0)
      await screenshot(page, "fulfilment-widget-refused")
    })
    for (const row of fresh) expect((await logistics(row.order_sn)).order_status).toBe("PROCESSED")
    expect((await logistics(cancelled.order_sn)).arrangement).toBeNull()
  },
  6 * 60 * 1000
)

it(
  "orders list: bulk drop-off at the branch chosen once, from those Shopee offers",
  async () => {
    const rows = await importedOrders(2)
    await onPage("fulfilment-bulk-dropoff", "/shopee/orders?env=sandbox", async (page) => {
      for (const row of rows) await page.getByRole("checkbox", { name: `Select ${row.order_sn}` }).click()
      await page.getByTestId("bulk-actions").getByRole("button", { name: "Arrange shipment" }).click()
      const drawer = page.getByTestId("bulk-arrange")
      await choose(drawer, page, "Mode", "Drop-off")
      await drawer
        .getByRole("combobox", { name: "Drop-off branch" })
        .getByText(/1 Jurong West/)
        .waitFor()
      await choose(drawer, page, "Drop-off branch", /50 Tampines/)
      await drawer.getByRole("button", { name: "Arrange (2)" }).click()
      await drawer.getByTestId("bulk-progress-count").getByText("2 / 2").waitFor()
      for (const row of rows) await drawer.getByTestId(`bulk-outcome-${row.order_sn}`).getByText("Arranged", { exact: true }).waitFor()
      await screenshot(page, "fulfilment-bulk-dropoff")
    })
    for (const row of rows) expect((await logistics(row.order_sn)).arrangement).toMatchObject({ mode: "dropoff", branch_id: 3002 })
  },
  3 * 60 * 1000
)

it(
  "order widget: Print label opens Shopee's air waybill, stored by the connector; the list then says Label ready",
  async () => {
    // Shopee's tracking number and document come at once here, so that the label can be made now.
    await simulator("PATCH", "/_control/logistics", { tracking_delay_ms: 0 })
    await simulator("PATCH", "/_control/shipping-documents", { ready_delay_ms: 0 })
    const [row] = await importedOrders(1)
    const arranged = await server!.api("POST", `/admin/shopee/orders/${row.id}/ship`, { mode: "pickup" })
    expect(arranged.status).toBe(200)
    for (let attempt = 0; !(await syncRow(row.order_sn))?.tracking_number; attempt++) {
      if (attempt === 60) throw new Error(`no tracking number for ${row.order_sn}`)
      await new Promise((resolve) => setTimeout(resolve, 500))
    }

    await onPage("fulfilment-print-label", `/orders/${row.order_id}`, async (page) => {
      const widget = await openWidget(page, row)
      const label = widget.getByTestId("shipping-label")
      const opened = page
        .context()
        .waitForEvent("response", (response) => response.url().endsWith(`/admin/shopee/orders/${row.id}/label/file`))
      await label.getByRole("button", { name: "Print label" }).click()
      const file = await opened
      expect(file.status()).toBe(200)
      expect(file.headers()["content-type"]).toMatch(/^application\/pdf/)
      await label.getByText("Label ready").waitFor()
      await screenshot(page, "fulfilment-label-ready")

      await page.goto(`${server!.url}/app/shopee/orders?env=sandbox&q=${row.order_sn}`)
      await page.getByTestId(`order-row-${row.order_sn}`).getByTestId("fulfilment-status").getByText("Label ready").waitFor()
    })
    const stored = await server!.api<{ label: { state: string; url: string } }>("GET", `/admin/shopee/orders/${row.id}/label`)
    expect(stored.data.label).toEqual({ state: "ready", url: `/admin/shopee/orders/${row.id}/label/file`, reason: null })
  },
  3 * 60 * 1000
)
