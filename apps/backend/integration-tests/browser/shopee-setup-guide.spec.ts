import pg from "pg"
import type { Browser, Page } from "playwright-core"
import { startAdminServer, type AdminServer } from "../../scripts/admin-server"
import { launchChromium, logInThroughLoginPage, openAdminPage, screenshot, type SessionState } from "./harness/browser"

/**
 * The setup guide walked on a fresh `npm start` database with its simulator. `npm start` seeds
 * the demo store and fills the sandbox profile, so the credentials and the order setup are real
 * from the start; every other step turns green only after what makes it real. The page's strings
 * come from translation parts wired in separately, so this spec reads ids and tick states.
 */

let server: AdminServer | undefined
let browser: Browser | undefined
let session: SessionState

beforeAll(
  async () => {
    server = await startAdminServer()
    browser = await launchChromium()
    session = await logInThroughLoginPage(browser, server)
  },
  5 * 60 * 1000
)

afterAll(async () => {
  await browser?.close()
  await server?.stop()
}, 60 * 1000)

const STEPS = ["credentials", "registration", "shop_connected", "push_verified", "order_setup", "catalogue", "stock_mode", "first_order"]

const step = (page: Page, id: string) => page.getByTestId(`setup-step-${id}`)

/** The tick as the page shows it, waited for: the page polls the guide while a step is open. */
async function waitForTick(page: Page, id: string, done: boolean) {
  await page.locator(`[data-testid="setup-step-${id}"][data-done="${done}"]`).waitFor({ timeout: 60_000 })
}

/** Which steps the page shows ticked, in order. */
async function tickedSteps(page: Page): Promise<string[]> {
  const ticked: string[] = []
  for (const id of STEPS) if ((await step(page, id).getAttribute("data-done")) === "true") ticked.push(id)
  return ticked
}

async function control<T = any>(path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${server!.sandboxUrl}${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`)
  return (await response.json()) as T
}

/** A Shopee item the catalogue import matched to a Medusa variant, read from the server's own database. */
async function mappedItemId(): Promise<number> {
  const client = new pg.Client({ connectionString: server!.databaseUrl })
  await client.connect()
  try {
    const { rows } = await client.query(
      "select item_id from shopee_product_map where match_state = 'matched' and variant_id is not null and deleted_at is null order by shopee_stock desc nulls last limit 1"
    )
    return Number(rows[0].item_id)
  } finally {
    await client.end()
  }
}

it(
  "walks a fresh store through the guide until every step is ticked, each only once its state is real",
  async () => {
    const { context, page } = await openAdminPage(browser!, session, `${server!.url}/app/shopee?env=sandbox`)
    try {
      // The connection page links to the guide while a step is open.
      await page.getByTestId("setup-guide-link").getByRole("link").click()
      await page.waitForURL((url) => url.pathname === "/app/shopee/setup" && url.searchParams.get("env") === "sandbox")
      await page.getByTestId("setup-steps").waitFor()
      await waitForTick(page, "credentials", true)
      expect(await tickedSteps(page)).toEqual(["credentials", "order_setup", "stock_mode"])
      expect(await step(page, "shop_connected").getByTestId("setup-step-shop_connected-next").getAttribute("data-next-action")).toBe(
        "connect_shop"
      )
      // The URLs to register, with copy buttons, and the bare origin Shopee's redirect field takes.
      await step(page, "registration").getByText(`${server!.url}/connectors/shopee/webhook/sandbox`).waitFor()
      await page.getByTestId("setup-redirect-origin").waitFor()
      expect(await page.getByTestId("setup-redirect-origin").textContent()).toContain(new URL(server!.url).origin)
      await screenshot(page, "setup-guide-fresh")
      // The live environment has its own guide: only what the store shares (the order setup) is done there.
      await page.getByRole("tab", { name: /^Live/ }).click()
      await waitForTick(page, "credentials", false)
      expect(await tickedSteps(page)).toEqual(["order_setup"])
      expect(await step(page, "stock_mode").getByTestId("setup-step-stock_mode-next").getAttribute("data-next-action")).toBe(
        "choose_stock_mode"
      )
      await page.getByRole("tab", { name: /^Sandbox/ }).click()
      await waitForTick(page, "credentials", true)

      // Test push: arrives and verifies, which also shows the push URL is registered; the shop is still not connected.
      await page.getByTestId("setup-test-push").click()
      const result = page.getByTestId("setup-test-push-result")
      await result.waitFor({ timeout: 60_000 })
      expect(await result.getAttribute("data-verified")).toBe("true")
      await waitForTick(page, "push_verified", true)
      await waitForTick(page, "registration", true)
      expect(await tickedSteps(page)).toEqual(["credentials", "registration", "push_verified", "order_setup", "stock_mode"])
      await screenshot(page, "setup-guide-test-push-verified")

      // Step 3 through the connection page it links to, and the simulator's authorization page.
      await step(page, "shop_connected").getByRole("link").click()
      await page.waitForURL((url) => url.pathname === "/app/shopee")
      await page.getByRole("button", { name: "Connect", exact: true }).click()
      await page.getByRole("button", { name: "Confirm authorization" }).click()
      await page
        .getByTestId("token-state")
        .getByText(/^Connected/)
        .waitFor()
      await page.goto(`${server!.url}/app/shopee/setup?env=sandbox`)
      await waitForTick(page, "shop_connected", true)
      expect(await tickedSteps(page)).toEqual([
        "credentials",
        "registration",
        "shop_connected",
        "push_verified",
        "order_setup",
        "stock_mode",
      ])

      // 6: the catalogue import; the step shows N of M models mapped.
      const imported = await server!.api("POST", "/admin/shopee/products/import?env=sandbox", { mode: "full" })
      expect(imported.status).toBeLessThan(300)
      await waitForTick(page, "catalogue", true)
      expect(await tickedSteps(page)).not.toContain("first_order")

      // 8: an order placed at the simulator's shop, imported through its push.
      const { profile } = (await server!.api("GET", "/admin/shopee/credentials?env=sandbox")).data
      await control("/_control/orders", {
        shop_id: profile.shop_id,
        items: [{ item_id: await mappedItemId(), quantity: 1 }],
        status: "READY_TO_SHIP",
      })
      await waitForTick(page, "first_order", true)
      expect(await tickedSteps(page)).toEqual(STEPS)
      await page.getByTestId("setup-progress").waitFor()
      await screenshot(page, "setup-guide-all-done")

      // Every step done: the connection page no longer links to the guide.
      const guideRead = page.waitForResponse((response) => response.url().includes("/admin/shopee/setup?environment=sandbox"))
      await page.goto(`${server!.url}/app/shopee?env=sandbox`)
      await guideRead
      await page.getByTestId("token-state").waitFor()
      expect(await page.getByTestId("setup-guide-link").count()).toBe(0)
    } catch (error) {
      await screenshot(page, "FAILED-setup-guide").catch(() => undefined)
      throw error
    } finally {
      await context.close()
    }
  },
  5 * 60 * 1000
)
