import type { Browser, Page } from "playwright-core"
import { DEMO_PARTNER_ID, DEMO_SHOP_ID } from "@shopee-medusa/shopee-sandbox"
import { startAdminServer, type AdminServer } from "../../scripts/admin-server"
import { launchChromium, logInThroughLoginPage, openAdminPage, screenshot, type SessionState } from "./harness/browser"

/**
 * "Reconcile now" on the connection page: `npm start`'s demo store and simulator, the shop
 * connected, and a Shopee order whose push the simulator dropped, so that only the
 * reconciliation brings it in.
 */

let server: AdminServer | undefined
let browser: Browser | undefined
let session: SessionState

async function simulator<T = any>(method: string, route: string, body?: unknown): Promise<T> {
  const response = await fetch(`${server!.sandboxUrl}${route}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  if (!response.ok) throw new Error(`${method} ${route}: ${response.status} ${await response.text()}`)
  return (await response.json()) as T
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

beforeAll(
  async () => {
    server = await startAdminServer()
    await connectDemoShop()
    await simulator("POST", "/_control/faults", { kind: "drop_push", code: 3 })
    const items = await simulator<{ item_id: number; item_sku: string }[]>("GET", `/_control/items?shop_id=${DEMO_SHOP_ID}`)
    await simulator("POST", "/_control/orders", {
      shop_id: DEMO_SHOP_ID,
      items: [{ item_id: items[0]!.item_id, quantity: 1 }],
      status: "READY_TO_SHIP",
    })
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

it(
  "starts a reconciliation from the connection page, follows it and shows its summary",
  async () => {
    const { context, page } = await openAdminPage(browser!, session, `${server!.url}/app/shopee?env=sandbox`)
    const state = (p: Page) => p.getByTestId("reconcile-state")
    try {
      const section = page.getByTestId("reconcile-section")
      await section.getByRole("heading", { name: "Orders reconciliation" }).waitFor()
      await state(page).getByText("No reconciliation has run yet.").waitFor()
      // Shopee answers the lost pushes slowly, so the run is seen after its import.
      await simulator("POST", "/_control/faults", {
        kind: "latency",
        route: "/api/v2/push/get_lost_push_message",
        latency_ms: 4000,
        times: 1,
      })
      await section.getByRole("button", { name: "Reconcile now" }).click()
      await section.getByRole("progressbar", { name: "Reconciliation progress" }).waitFor()
      await state(page).getByText("Importing orders: 1/1 (90%)").waitFor()
      expect(await section.getByRole("button", { name: "Reconcile now" }).isDisabled()).toBe(true)
      await screenshot(page, "reconcile-running")
      // Then its summary replaces the progress.
      await state(page)
        .getByText(/^Last reconciliation \(.+, started here\): 1 orders seen; 1 imported, /)
        .waitFor({ timeout: 60_000 })
      expect(await section.getByRole("button", { name: "Reconcile now" }).isEnabled()).toBe(true)
      await screenshot(page, "reconcile-finished")
      const { data } = await server!.api<{ run: { status: string; trigger: string } }>("GET", "/admin/shopee/reconcile?env=sandbox")
      expect(data.run).toMatchObject({ status: "succeeded", trigger: "admin" })
    } catch (error) {
      await screenshot(page, "FAILED-reconcile").catch(() => undefined)
      throw error
    } finally {
      await context.close()
    }
  },
  3 * 60 * 1000
)
