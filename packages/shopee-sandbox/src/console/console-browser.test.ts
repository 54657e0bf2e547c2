import { existsSync } from "node:fs"
import { chromium, type Browser } from "playwright-core"
import type { RunningSandbox } from "../server.js"
import { SHOP_ID, authorizeShop, callApi, createOrder, startSandbox, testOptions } from "../test-support/harness.js"

const CHROMIUM = "/usr/bin/chromium"
const hasChromium = existsSync(CHROMIUM)
if (!hasChromium) console.warn(`console browser test skipped: ${CHROMIUM} does not exist (apt-get install chromium)`)
const browserTest = hasChromium ? test : test.skip

let sb: RunningSandbox
let browser: Browser | undefined

beforeAll(async () => {
  sb = await startSandbox(testOptions())
  if (hasChromium) {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    })
  }
}, 30_000)

afterAll(async () => {
  await browser?.close()
  await sb.close()
})

browserTest(
  "the console creates an order from the browser and lists it",
  async () => {
    const page = await (browser as Browser).newPage()
    await page.goto(`${sb.url}/console`)
    await page.getByText("No orders yet.").waitFor()
    await page.getByRole("button", { name: "Create order" }).click()
    await page.waitForURL(/\/console\?message=/)
    const orderSn = sb.sandbox.state.orders[0].order_sn
    await page.locator(".order-sn", { hasText: orderSn }).waitFor()
    await page.getByRole("button", { name: "Advance" }).click()
    await page.locator(".order-status", { hasText: "READY_TO_SHIP" }).waitFor()
  },
  30_000
)

browserTest(
  "the console shows an arranged order's package with its shipping mode and tracking number",
  async () => {
    const order = await createOrder(sb, { status: "READY_TO_SHIP" })
    const tokens = await authorizeShop(sb)
    const shipped = await callApi(sb, {
      path: "/api/v2/logistics/ship_order",
      accessToken: tokens.access_token,
      shopId: SHOP_ID,
      body: { order_sn: order.order_sn, dropoff: { branch_id: 3001 } },
    })
    expect(shipped.body.error).toBe("")
    const trackingNumber = sb.sandbox.orders.get(order.order_sn)!.package.tracking_number
    expect(trackingNumber).not.toBe("")
    const page = await (browser as Browser).newPage()
    await page.goto(`${sb.url}/console`)
    const row = page.locator("tr", { has: page.locator(".order-sn", { hasText: order.order_sn }) })
    await row.locator(".package-number", { hasText: order.package.package_number }).waitFor()
    await row.locator(".package-mode", { hasText: "dropoff" }).waitFor()
    await row.locator(".logistics-status", { hasText: "LOGISTICS_REQUEST_CREATED" }).waitFor()
    await row.locator(".tracking-number", { hasText: trackingNumber }).waitFor()
  },
  30_000
)
