import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import type { Browser, Page } from "playwright-core"
import { findFreePort, isPortTaken } from "../../scripts/free-port"
import { processesMentioning, startNpmStart, type NpmStart } from "../../scripts/npm-start-process"
import { launchChromium, screenshot } from "./harness/browser"

/**
 * The README's walkthrough, as a newcomer does it: `npm start` itself on a fresh `.data` and so
 * a fresh embedded PostgreSQL, the admin login it prints, Connect through the simulator's
 * authorization page, an order created in the simulator's console, the order in Medusa, Ctrl-C.
 * The only differences from a person's terminal are free ports (PORT, SHOPEE_SANDBOX_PORT) and
 * SHOPEE_DATA_DIR, so that the test never touches the developer's own `.data`.
 *
 * With UPDATE_README_SCREENSHOTS=1 it rewrites the README's pictures in docs/newcomer/.
 */

const ROOT = path.resolve(__dirname, "../../../..")
const README_PICTURES = path.join(ROOT, "docs/newcomer")
const VIEWPORT = { width: 1280, height: 800 }

const steps: { step: string; seconds: number }[] = []
let page: Page | undefined

/** Times a step; a failing one leaves a screenshot of the page as it was. */
async function step<T>(name: string, body: () => Promise<T>): Promise<T> {
  const started = Date.now()
  try {
    return await body()
  } catch (error) {
    if (page) await screenshot(page, "FAILED-newcomer").catch(() => undefined)
    throw error
  } finally {
    steps.push({ step: name, seconds: (Date.now() - started) / 1000 })
  }
}

let dataDir: string
let start: NpmStart | undefined
let browser: Browser | undefined

beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "shopee-newcomer-"))
  // A clone's .data is readable by others under the usual umask, where mkdtemp's is private; the
  // private-folder case has a test of its own (scripts/embedded-database).
  fs.chmodSync(dataDir, 0o755)
})

afterAll(async () => {
  await browser?.close()
  await start?.stop()
  fs.rmSync(dataDir, { recursive: true, force: true })
  process.stdout.write(
    `\n[newcomer] time per step:\n${steps.map(({ step, seconds }) => `  ${seconds.toFixed(1).padStart(6)} s  ${step}`).join("\n")}\n`
  )
}, 60 * 1000)

async function readmePicture(name: string): Promise<void> {
  await screenshot(page!, `newcomer-${name}`)
  if (process.env.UPDATE_README_SCREENSHOTS === "1") {
    fs.mkdirSync(README_PICTURES, { recursive: true })
    await page!.screenshot({ path: path.join(README_PICTURES, `${name}.png`) })
  }
}

it(
  "walks the README: log in, connect the shop, create an order in the simulator, see it in Medusa, Ctrl-C",
  async () => {
    const port = await findFreePort()
    const sandboxPort = await findFreePort()
    start = await step("npm start (fresh .data: embedded PostgreSQL, migrate, seed)", () =>
      startNpmStart({
        logFile: path.join(ROOT, "apps/backend/test-results/newcomer-npm-start.log"),
        env: { SHOPEE_DATA_DIR: dataDir, PORT: String(port), SHOPEE_SANDBOX_PORT: String(sandboxPort) },
      })
    )
    expect(start.output()).toContain(`embedded PostgreSQL (data in`)
    expect(start.admin).toBeDefined()
    const { email, password } = start.admin!

    browser = await launchChromium()
    const context = await browser.newContext({ viewport: VIEWPORT })
    context.setDefaultTimeout(30_000)
    page = await context.newPage()
    const tab = page

    await step("log in through the login page with the printed credentials", async () => {
      await tab.goto(`${start!.url}/app`)
      await tab.getByPlaceholder("Email").fill(email)
      await tab.getByPlaceholder("Password").fill(password)
      await tab.getByRole("button", { name: "Continue with Email" }).click()
      await tab.waitForURL((url) => !url.pathname.startsWith("/app/login"))
      // The session lives in a cookie that plain http may carry (see src/session-cookie.ts).
      const cookie = (await context.cookies()).find((candidate) => candidate.name === "connect.sid")
      expect(cookie).toMatchObject({ secure: false, httpOnly: true, sameSite: "Lax" })
      await tab.reload()
      await tab.getByRole("link", { name: "Shopee", exact: true }).waitFor()
      expect(new URL(tab.url()).pathname.startsWith("/app/login")).toBe(false)
    })

    await step("open the Shopee page, Connect, approve on the simulator's page", async () => {
      await tab.getByRole("link", { name: "Shopee", exact: true }).click()
      await tab.getByTestId("token-state").getByText("No token").waitFor()
      await tab.getByRole("button", { name: "Connect", exact: true }).click()
      await tab.getByRole("button", { name: "Confirm authorization" }).click()
      await tab.getByText("Shop connected").waitFor()
      await tab
        .getByTestId("token-state")
        .getByText(/^Connected, expires in/)
        .waitFor()
      await readmePicture("connection")
    })

    const orderSn = await step("create an order in the simulator's console", async () => {
      await tab.goto(`${start!.sandboxUrl}/console`)
      const form = tab.locator("form#create-order")
      await form.getByLabel("Status").selectOption("READY_TO_SHIP")
      await form.getByRole("button", { name: "Create order" }).click()
      const created = tab.locator("code.order-sn").first()
      await created.waitFor()
      return (await created.textContent())!.trim()
    })

    await step("see it in the Shopee orders list and as a Medusa order in the sales channel Shopee", async () => {
      await tab.goto(`${start!.url}/app/shopee/orders?q=${orderSn}`)
      const row = tab.getByRole("row").filter({ hasText: orderSn })
      // The push reaches the webhook within a second or two; the list is read when the page loads.
      for (let attempt = 0; attempt < 30 && !(await row.getByText("Imported").isVisible()); attempt++) {
        await tab.waitForTimeout(1_000)
        await tab.reload()
      }
      await row.getByText("Imported").waitFor()
      await row.getByText("READY_TO_SHIP").waitFor()
      const displayId = (await row.getByRole("link", { name: /^#\d+$/ }).textContent())!.trim()

      await tab.goto(`${start!.url}/app/orders`)
      const medusaRow = tab.getByRole("row").filter({ hasText: displayId })
      await medusaRow.getByText("Shopee", { exact: true }).waitFor()
      await medusaRow.click()
      await tab.getByText(orderSn).first().waitFor()
      await readmePicture("imported-order")
    })

    await step("Ctrl-C, and nothing left running", async () => {
      const running = start!
      start = undefined
      const { leftovers } = await running.stop()
      expect(leftovers).toEqual([])
      expect(await processesMentioning(dataDir)).toEqual([])
      expect(await isPortTaken(port)).toBe(false)
      expect(await isPortTaken(sandboxPort)).toBe(false)
      expect(running.output()).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/)
    })
  },
  15 * 60 * 1000
)
