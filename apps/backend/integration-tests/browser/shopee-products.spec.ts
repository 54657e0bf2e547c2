import type { Browser, Page } from "playwright-core"
import { DEMO_PARTNER_ID, DEMO_SHOP_ID } from "@shopee-medusa/shopee-sandbox"
import { startAdminServer, type AdminServer } from "../../scripts/admin-server"
import { launchChromium, logInThroughLoginPage, openAdminPage, screenshot, type SessionState } from "./harness/browser"

/**
 * The catalogue as a merchant works it: `npm start`'s demo store and simulator (whose items carry
 * the store's SKUs), the shop connected, and a few more Shopee items made through the
 * simulator's control API: one no variant has, a model item, two sharing a SKU, and enough
 * others for a second page. One Medusa variant of the Shopee channel is on no listing.
 */

let server: AdminServer | undefined
let browser: Browser | undefined
let session: SessionState

const EXTRA_ITEMS = [
  { item_name: "Mystery binder", item_sku: "BINDER-01", price: 40, stock: 5 },
  {
    item_name: "Card sleeves",
    item_sku: "SLEEVES",
    models: [
      { model_name: "Red", model_sku: "SLEEVES-RED", price: 6, stock: 30 },
      { model_name: "Blue", model_sku: "SLEEVES-BLUE", price: 6, stock: 12 },
    ],
  },
  { item_name: "Top loader (pack of 25)", item_sku: "TOPLOADER", price: 8, stock: 20 },
  { item_name: "Top loader (pack of 25), relisted", item_sku: "TOPLOADER", price: 8, stock: 4 },
  ...Array.from({ length: 14 }, (_, i) => ({
    item_name: `Bulk common lot #${i + 1}`,
    item_sku: `LOT-${String(i + 1).padStart(2, "0")}`,
    price: 3,
    stock: 1,
  })),
]
/** The demo's five listings and the extras' (the sleeves have two models). */
const LISTING_COUNT = 5 + EXTRA_ITEMS.length + 1
const UNLISTED_SKU = "PKM-CEL-025"

async function simulator<T = any>(method: string, route: string, body?: unknown): Promise<T> {
  const response = await fetch(`${server!.sandboxUrl}${route}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  if (!response.ok) throw new Error(`${method} ${route}: ${response.status} ${await response.text()}`)
  return (await response.json()) as T
}

async function admin<T = any>(method: string, route: string, body?: unknown): Promise<T> {
  const answer = await server!.api<T>(method, route, body)
  if (answer.status >= 300) throw new Error(`${method} ${route} answered ${answer.status}: ${JSON.stringify(answer.data)}`)
  return answer.data
}

/** The shop authorized the way the callback receives it from Shopee. */
async function connectDemoShop(): Promise<void> {
  const { code } = await simulator<{ code: string }>("POST", "/_control/auth_code", { partner_id: DEMO_PARTNER_ID, shop_id: DEMO_SHOP_ID })
  const callback = await fetch(`${server!.url}/connectors/shopee/oauth/callback/sandbox?code=${code}&shop_id=${DEMO_SHOP_ID}`, {
    redirect: "manual",
  })
  if (!String(callback.headers.get("location")).includes("status=ok"))
    throw new Error(`connecting failed: ${callback.headers.get("location")}`)
}

/** A product of the Shopee sales channel that no Shopee listing sells. */
async function createUnlistedVariant(): Promise<void> {
  const { sales_channels } = await admin("GET", "/admin/sales-channels?name=Shopee")
  await admin("POST", "/admin/products", {
    title: "Celebrations Charizard 4/102",
    status: "published",
    options: [{ title: "Grade", values: ["PSA 10"] }],
    variants: [{ title: "PSA 10", sku: UNLISTED_SKU, options: { Grade: "PSA 10" }, prices: [{ amount: 300, currency_code: "sgd" }] }],
    sales_channels: [{ id: sales_channels[0].id }],
  })
}

async function importAndWait(mode: "full" | "incremental"): Promise<void> {
  await admin("POST", "/admin/shopee/products/import?env=sandbox", { mode })
  for (;;) {
    const { run } = await admin("GET", "/admin/shopee/products/import?env=sandbox")
    if (run.status === "failed") throw new Error(`the import failed: ${run.error}`)
    if (run.status === "succeeded") return
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}

async function listingId(sku: string): Promise<string> {
  const { products } = await admin("GET", `/admin/shopee/products?env=sandbox&q=${sku}`)
  return products.find((row: { sku: string }) => row.sku === sku).id
}

beforeAll(
  async () => {
    server = await startAdminServer()
    await connectDemoShop()
    await simulator("POST", "/_control/items/bulk", { shop_id: DEMO_SHOP_ID, items: EXTRA_ITEMS })
    await createUnlistedVariant()
    await importAndWait("full")
    browser = await launchChromium()
    session = await logInThroughLoginPage(browser, server)
    // npm start builds what changed first: the admin's build alone takes minutes on a busy machine.
  },
  10 * 60 * 1000
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

const params = (page: Page) => Object.fromEntries(new URL(page.url()).searchParams)
const rowsOf = (page: Page) => page.locator("[data-testid^=listing-row-]")
const listingRow = (page: Page, id: string) => page.getByTestId(`listing-row-${id}`)

async function choose(page: Page, filter: string, option: string) {
  await page.getByRole("combobox", { name: filter }).click()
  await page.getByRole("option", { name: option, exact: true }).click()
}

it(
  "products page: each listing with its Medusa variant and Shopee stock; filters live in the URL; the server pages",
  async () => {
    const charizard = await listingId("PKM-BS-004-PSA8")
    const red = await listingId("SLEEVES-RED")
    const booster = await listingId("PKM-SV1-BB")
    await onPage("products-list", "/shopee/products?env=sandbox", async (page) => {
      await page.getByTestId("listings-table").waitFor()
      expect(await rowsOf(page).count()).toBe(20)
      await page.getByText(`20 of ${LISTING_COUNT} results`, { exact: true }).waitFor()
      const matched = listingRow(page, charizard)
      await matched.getByText("Charizard Holo, Base Set 4/102").first().waitFor()
      await matched.getByRole("link", { name: /PKM-BS-004-PSA8/ }).waitFor()
      await matched.getByText("Matched by SKU").waitFor()
      await matched.getByTestId(`listing-stock-${charizard}`).getByText("1", { exact: true }).waitFor()
      await screenshot(page, "products-all")

      await page.getByRole("button", { name: "Next" }).click()
      await page.waitForURL((url) => url.searchParams.get("offset") === "20")
      await listingRow(page, booster).waitFor()
      expect(await rowsOf(page).count()).toBe(LISTING_COUNT - 20)

      await choose(page, "Status", "Matched")
      await page.waitForURL((url) => url.searchParams.get("status") === "matched" && !url.searchParams.has("offset"))
      await page.getByText("5 of 5 results", { exact: true }).waitFor()
      expect(params(page)).toEqual({ env: "sandbox", status: "matched" })

      await choose(page, "Status", "All")
      await page.getByPlaceholder("SKU, name or item id").fill("sleeves")
      await page.waitForURL((url) => url.searchParams.get("q") === "sleeves")
      await page.getByText("2 of 2 results", { exact: true }).waitFor()
      await listingRow(page, red).getByText("Card sleeves — Red").waitFor()
      await screenshot(page, "products-search-models")
    })

    // A link with filters opens the same view.
    await onPage("products-url", "/shopee/products?env=sandbox&status=matched&q=lotus", async (page) => {
      await page.getByText("2 of 2 results", { exact: true }).waitFor()
      await page.getByRole("combobox", { name: "Status" }).getByText("Matched").waitFor()
      await expect(page.getByPlaceholder("SKU, name or item id").inputValue()).resolves.toBe("lotus")
    })
  },
  120 * 1000
)

it(
  "unmatched view: the listings without a variant, each with why",
  async () => {
    await onPage("products-unmatched", "/shopee/products?env=sandbox", async (page) => {
      await page.getByTestId("listings-table").waitFor()
      await choose(page, "Status", "Unmatched (no variant)")
      await page.waitForURL((url) => url.searchParams.get("status") === "unmatched,conflict")
      await page.getByText(`${LISTING_COUNT - 5} of ${LISTING_COUNT - 5} results`, { exact: true }).waitFor()
      await listingRow(page, await listingId("BINDER-01"))
        .getByText('No Medusa variant has SKU "BINDER-01"')
        .waitFor()
      const twins = page.getByRole("row").filter({ hasText: "TOPLOADER" })
      expect(await twins.count()).toBe(2)
      for (const twin of await twins.all()) {
        await twin.getByText("Conflict").waitFor()
        await twin.getByText('2 Shopee listings have SKU "TOPLOADER"').waitFor()
      }
      await screenshot(page, "products-unmatched")

      await choose(page, "Status", "Conflicts")
      await page.waitForURL((url) => url.searchParams.get("status") === "conflict")
      await page.getByText("2 of 2 results", { exact: true }).waitFor()
    })
  },
  60 * 1000
)

it(
  "unlisted view: the Shopee channel's variants that no listing sells",
  async () => {
    await onPage("products-unlisted", "/shopee/products?env=sandbox", async (page) => {
      await page.getByTestId("listings-table").waitFor()
      await choose(page, "View", "Medusa variants not on Shopee")
      await page.waitForURL((url) => url.searchParams.get("view") === "unlisted")
      const table = page.getByTestId("unlisted-variants-table")
      await table.getByText(UNLISTED_SKU, { exact: true }).waitFor()
      await table.getByRole("link", { name: "Celebrations Charizard 4/102 — PSA 10" }).waitFor()
      expect(await page.locator("[data-testid^=unlisted-row-]").count()).toBe(1)
      await screenshot(page, "products-unlisted")
    })
  },
  60 * 1000
)

it(
  "maps a listing to a variant through the picker, and unmaps it",
  async () => {
    const binder = await listingId("BINDER-01")
    await onPage("products-map", "/shopee/products?env=sandbox&q=BINDER", async (page) => {
      const row = listingRow(page, binder)
      await row.getByText("Unmatched", { exact: true }).waitFor()
      await row.getByRole("button", { name: "Map", exact: true }).click()
      const drawer = page.getByTestId("map-variant-drawer")
      await drawer.getByText("Mystery binder").waitFor()
      await drawer.getByLabel("Find a variant by SKU or title").fill("Celebrations")
      const option = drawer.getByTestId("variant-options").getByRole("listitem").filter({ hasText: UNLISTED_SKU })
      await option.waitFor()
      await screenshot(page, "products-map-picker")
      await option.getByRole("button", { name: "Map", exact: true }).click()
      await drawer.waitFor({ state: "detached" })
      await row.getByText("Mapped by hand").waitFor()
      await row.getByRole("link", { name: new RegExp(UNLISTED_SKU) }).waitFor()
      await screenshot(page, "products-mapped")

      await row.getByRole("button", { name: "Unmap" }).click()
      await row.getByText("Unmapped by hand").waitFor()
      // A listing without a variant has nothing to unmap.
      expect(await row.getByRole("button", { name: "Unmap" }).count()).toBe(0)
      await row.getByText("Unmatched", { exact: true }).waitFor()
      expect(await row.getByRole("link", { name: new RegExp(UNLISTED_SKU) }).count()).toBe(0)
    })
    // What the page showed is what is stored.
    const { products } = await admin("GET", "/admin/shopee/products?env=sandbox&q=BINDER-01")
    expect(products[0]).toMatchObject({ variant_id: null, match_state: "unmatched", match_source: "manual" })
  },
  60 * 1000
)

it(
  "re-imports from the page and shows the run's progress, then its result",
  async () => {
    // Shopee answers the item reads slowly, so the run is seen while it reads.
    await simulator("POST", "/_control/faults", {
      kind: "latency",
      route: "/api/v2/product/get_item_base_info",
      latency_ms: 4000,
      times: 1,
    })
    await onPage("products-import", "/shopee/products?env=sandbox", async (page) => {
      const importer = page.getByTestId("catalogue-import")
      await importer.getByText(/^Last full import \(/).waitFor()
      await importer.getByRole("button", { name: "Full re-import" }).click()
      const progress = importer.getByRole("progressbar", { name: "Import progress" })
      await progress.waitFor()
      await importer.getByText(/^reading: 0\/\d+ items \(10%\)$/).waitFor()
      expect(await importer.getByRole("button", { name: "Import changes" }).isDisabled()).toBe(true)
      await screenshot(page, "products-import-running")
      await importer
        .getByText(/^Last full import \(.+\): \d+ items read; 5 matched, \d+ unmatched, 2 conflicts\.$/)
        .waitFor({ timeout: 30_000 })
      expect(await importer.getByRole("button", { name: "Import changes" }).isDisabled()).toBe(false)
      await screenshot(page, "products-import-done")
    })
  },
  60 * 1000
)

it(
  "product widget: on Medusa's product page, each variant's Shopee listing and stock",
  async () => {
    const { products } = await admin("GET", "/admin/products?q=Black%20Lotus&fields=id,variants.id,variants.sku")
    const lotus = products[0]
    const bgs7 = await listingId("MTG-2U-LOTUS-BGS7")
    await onPage("product-widget", `/products/${lotus.id}`, async (page) => {
      const widget = page.getByTestId("shopee-product-widget")
      const row = widget.getByTestId(`shopee-product-listing-${bgs7}`)
      await row.getByText("BGS 7", { exact: true }).waitFor()
      await row.getByText("MTG-2U-LOTUS-BGS7").waitFor()
      await row.getByText("Sandbox").waitFor()
      await row.getByRole("link", { name: "Black Lotus, Unlimited (BGS 7)" }).waitFor()
      await row.getByText("1", { exact: true }).waitFor()
      expect(await widget.locator("[data-testid^=shopee-product-listing-]").count()).toBe(2)
      await widget.scrollIntoViewIfNeeded()
      await screenshot(page, "product-widget")
      await row.getByRole("link").click()
      await page.waitForURL((url) => url.pathname === "/app/shopee/products")
      await listingRow(page, bgs7).waitFor()
    })
  },
  60 * 1000
)
