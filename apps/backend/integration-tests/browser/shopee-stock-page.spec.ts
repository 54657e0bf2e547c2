import fs from "node:fs"
import type { Browser, Page } from "playwright-core"
import { DEMO_PARTNER_ID, DEMO_SHOP_ID } from "@shopee-medusa/shopee-sandbox"
import { startAdminServer, type AdminServer } from "../../scripts/admin-server"
import { launchChromium, logInThroughLoginPage, openAdminPage, screenshot, type SessionState } from "./harness/browser"

/** Where the screenshots are also copied for a person to look at (test-results/ keeps them too). */
const LOOK_DIR = process.env.STOCK_PAGE_SCREENSHOTS_DIR

let server: AdminServer | undefined
let browser: Browser | undefined
let session: SessionState

/** The demo store as `npm start` seeds it, its shop connected to the simulator beside it and its catalogue imported. */
async function connectAndImport(admin: AdminServer) {
  const code = await fetch(`${admin.sandboxUrl}/_control/auth_code`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ partner_id: DEMO_PARTNER_ID, shop_id: DEMO_SHOP_ID }),
  }).then((response) => response.json() as Promise<{ code: string }>)
  const callback = await fetch(`${admin.url}/connectors/shopee/oauth/callback/sandbox?code=${code.code}&shop_id=${DEMO_SHOP_ID}`, {
    redirect: "manual",
  })
  if (!String(callback.headers.get("location")).includes("status=ok"))
    throw new Error(`connecting failed: ${callback.headers.get("location")}`)
  const started = await admin.api("POST", "/admin/shopee/products/import?env=sandbox", { mode: "full" })
  if (started.status !== 202) throw new Error(`catalogue import: ${started.status} ${JSON.stringify(started.data)}`)
  for (let attempt = 0; attempt < 120; attempt++) {
    const { data } = await admin.api("GET", "/admin/shopee/products/import?env=sandbox")
    if (data.run?.status === "succeeded") return
    if (data.run?.status === "failed") throw new Error(`catalogue import failed: ${data.run.error}`)
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  throw new Error("the catalogue import did not finish")
}

beforeAll(
  async () => {
    server = await startAdminServer()
    await connectAndImport(server)
    browser = await launchChromium()
    session = await logInThroughLoginPage(browser, server)
  },
  5 * 60 * 1000
)

afterAll(async () => {
  await browser?.close()
  await server?.stop()
}, 60 * 1000)

async function look(page: Page, name: string) {
  await screenshot(page, `stock-page-${name}`)
  if (LOOK_DIR) {
    fs.mkdirSync(LOOK_DIR, { recursive: true })
    await page.screenshot({ path: `${LOOK_DIR}/stock-page-${name}.png`, fullPage: true })
  }
}

const runsTable = (page: Page) => page.getByTestId("stock-runs-table")

it(
  "shows the demo's Mirror, switches it Off and back to Mirror (who and when shown), plans a dry run, resyncs, lists the runs and restores one",
  async () => {
    const { context, page } = await openAdminPage(browser!, session, `${server!.url}/app/shopee/stock`)
    try {
      const settings = page.getByTestId("stock-settings")
      // npm start's demo arms the simulator's shop in Mirror, and says so.
      await settings.getByTestId("stock-breaker").getByText("Armed").waitFor()
      await settings.getByText(/Mirror since .+, set by npm start demo/).waitFor()
      await look(page, "0-demo-mirror")

      await page.getByTestId("stock-mode").click()
      await page.getByRole("option", { name: "Off", exact: true }).click()
      await settings.getByRole("button", { name: "Save" }).click()
      await settings.getByTestId("stock-breaker").getByText("Off").waitFor()
      await settings.getByText(new RegExp(`Off since .+, set by ${server!.admin.email.replace(/[.+]/g, "\\$&")}`)).waitFor()
      await look(page, "1-off")

      await page.getByTestId("stock-mode").click()
      await page.getByRole("option", { name: "Mirror", exact: true }).click()
      await settings.getByRole("button", { name: "Save" }).click()
      await settings.getByTestId("stock-breaker").getByText("Armed").waitFor()
      // Who, as the merchant knows them (the admin's email), and when.
      await settings.getByText(new RegExp(`Mirror since .+, set by ${server!.admin.email.replace(/[.+]/g, "\\$&")}`)).waitFor()

      await settings.getByRole("button", { name: "Dry run" }).click()
      await page.getByText("Dry run planned").waitFor()
      const plan = page.getByTestId("stock-plan-table")
      // The demo shop lists the Charizard at 1 and the booster at 12, as Medusa has them: the
      // dry run finds every model in sync.
      await plan.getByRole("row").nth(1).waitFor()
      const planRows = await plan.getByRole("row").count()
      expect(planRows).toBeGreaterThan(1)
      await runsTable(page).getByRole("row").filter({ hasText: "Dry run" }).waitFor()
      await look(page, "2-dry-run")

      // A change on Shopee by hand, so that the resync has something to write and to restore.
      const items = await fetch(`${server!.sandboxUrl}/_control/items?shop_id=${DEMO_SHOP_ID}`).then(
        (response) => response.json() as Promise<{ item_id: number; item_sku: string }[]>
      )
      const booster = items.find((item) => item.item_sku === "PKM-SV1-BB")!
      await fetch(`${server!.sandboxUrl}/_control/items/${booster.item_id}/stock`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ stock: 40 }),
      })

      await settings.getByRole("button", { name: "Resync now" }).click()
      await page.getByText("Resync succeeded").waitFor()
      const resyncRow = runsTable(page).getByRole("row").filter({ hasText: "Resync" }).first()
      await resyncRow.getByText("1 written").waitFor()
      // Each row names the product and its SKU, not only Shopee's ids.
      await plan
        .getByRole("row")
        .filter({ hasText: "Scarlet & Violet Booster Box" })
        .filter({ hasText: "PKM-SV1-BB" })
        .filter({ hasText: "written (12)" })
        .waitFor()
      await look(page, "3-resync")

      await resyncRow.getByRole("button", { name: "Restore" }).click()
      await page.getByText("Prior values restored").waitFor()
      await runsTable(page).getByRole("row").filter({ hasText: "Restore · Mirror" }).waitFor()
      const stock = await fetch(`${server!.sandboxUrl}/_control/items/${booster.item_id}/stock`).then(
        (response) => response.json() as Promise<{ models: { stock: number }[] }>
      )
      expect(stock.models[0].stock).toBe(40)
      await look(page, "4-restored")
    } catch (error) {
      await screenshot(page, "FAILED-stock-page").catch(() => undefined)
      throw error
    } finally {
      await context.close()
    }
  },
  5 * 60 * 1000
)
