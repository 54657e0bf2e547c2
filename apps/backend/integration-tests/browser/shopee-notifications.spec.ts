import type { Browser } from "playwright-core"
import { DEMO_PARTNER_ID, DEMO_SHOP_ID } from "@shopee-medusa/shopee-sandbox"
import { startAdminServer, type AdminServer } from "../../scripts/admin-server"
import { launchChromium, logInThroughLoginPage, openAdminPage, screenshot, type SessionState } from "./harness/browser"

const TITLE = "Shopee authorization expiring (sandbox)"

let server: AdminServer | undefined
let browser: Browser | undefined
let session: SessionState

/** The demo store as `npm start` seeds it, its shop connected to the simulator beside it. */
async function connect(admin: AdminServer) {
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
}

/** Waits for the feed, as the admin's panel reads it, to hold a notification with this title. */
async function waitForFeed(admin: AdminServer, title: string) {
  for (let attempt = 0; attempt < 120; attempt++) {
    const { data } = await admin.api<{ notifications: { data: { title: string } }[] }>("GET", "/admin/notifications?channel=feed")
    if (data.notifications.some((notification) => notification.data?.title === title)) return
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  throw new Error(`no notification "${title}" in the feed`)
}

beforeAll(
  async () => {
    server = await startAdminServer()
    await connect(server)
    browser = await launchChromium()
    session = await logInThroughLoginPage(browser, server)
  },
  5 * 60 * 1000
)

afterAll(async () => {
  await browser?.close()
  await server?.stop()
}, 60 * 1000)

it(
  "shows Shopee's authorization-expiry push in the admin's notification panel, opened from the bell in the top bar",
  async () => {
    // Shopee's "authorization expiry" push (code 12), sent by the simulator to npm start's webhook.
    const sent = await fetch(`${server!.sandboxUrl}/_control/pushes/test`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ partner_id: DEMO_PARTNER_ID, code: 12, shop_id: DEMO_SHOP_ID }),
    })
    expect(sent.status).toBe(201)
    await waitForFeed(server!, TITLE)

    const { context, page } = await openAdminPage(browser!, session, `${server!.url}/app/orders`)
    try {
      // The bell is the top bar's drawer trigger; the admin marks it unread while a notification is new.
      await page.locator('button[aria-haspopup="dialog"]').first().click()
      const panel = page.getByRole("dialog")
      await panel.getByRole("heading", { name: "Notifications" }).waitFor()
      await panel.getByText(TITLE, { exact: true }).waitFor()
      await panel.getByText(/expires within 7 days\. Reconnect the shop from the Shopee page\./).waitFor()
      await expect(panel.getByText(TITLE, { exact: true }).count()).resolves.toBe(1)
      await screenshot(page, "shopee-notifications-panel")
    } catch (error) {
      await screenshot(page, "FAILED-shopee-notifications-panel").catch(() => undefined)
      throw error
    } finally {
      await context.close()
    }
  },
  3 * 60 * 1000
)
