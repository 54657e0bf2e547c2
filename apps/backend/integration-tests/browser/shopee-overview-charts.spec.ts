import fs from "node:fs"
import path from "node:path"
import type { Browser, Locator, Page } from "playwright-core"
import { startAdminServer, type AdminServer } from "../../scripts/admin-server"
import { launchChromium, logInThroughLoginPage, type SessionState } from "./harness/browser"
import { resetShopeeState } from "./harness/shopee-state"
import { ShopeeRows } from "./harness/shopee-rows"

/** Kept apart from the other pages' screenshots: the charts are looked at in both themes. */
const SCREENSHOTS_DIR = path.resolve(__dirname, "../../test-results/overview-charts")
/** Where the admin's theme toggle keeps the choice (its ThemeProvider reads it on load). */
const THEME_KEY = "medusa_admin_theme"
const VIEWPORT = { width: 1440, height: 2200 }
const HOUR = 60 * 60 * 1000
const CHARTS = ["chart-orders-per-day", "chart-push-acknowledgement", "chart-open-exceptions", "chart-stock-writes"]

type Theme = "light" | "dark"

let server: AdminServer | undefined
let browser: Browser | undefined
let session: SessionState
let rows: ShopeeRows

beforeAll(
  async () => {
    server = await startAdminServer()
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
  await rows.query("DELETE FROM shopee_stock_run; DELETE FROM shopee_rejected_push_tally")
}, 30 * 1000)

/** The overview in a theme chosen the way the admin's toggle stores it; a failure leaves a screenshot. */
async function onOverview(name: string, theme: Theme, body: (page: Page) => Promise<void>): Promise<void> {
  const context = await browser!.newContext({ storageState: session, viewport: VIEWPORT })
  context.setDefaultTimeout(15_000)
  await context.addInitScript(([key, value]) => window.localStorage.setItem(key, value), [THEME_KEY, theme])
  const page = await context.newPage()
  try {
    await page.goto(`${server!.url}/app/shopee/overview`)
    await page.locator(`html.${theme}`).waitFor({ state: "attached" })
    await body(page)
  } catch (error) {
    await keep(page, `FAILED-${name}-${theme}`).catch(() => undefined)
    throw error
  } finally {
    await context.close()
  }
}

async function keep(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOTS_DIR, { recursive: true })
  await page.getByTestId("overview-charts").screenshot({ path: path.join(SCREENSHOTS_DIR, `${name}.png`) })
}

/** Drawn bars: recharts draws no rectangle for a zero, so this is the number of non-zero bar segments. */
const bars = (chart: Locator) => chart.locator(".recharts-bar-rectangle path")

/** The colour a drawn element resolved to: a CSS variable of the ui resolves to a colour, an unknown one to nothing. */
const resolvedFill = (element: Locator) => element.evaluate((node) => getComputedStyle(node).fill)

/**
 * Sandbox (the active environment): imported orders today (2) and four days ago (1), and 20
 * days ago (1, only in the 30-day window); pushes two hours ago, 3 accepted, 1 rejected, 2
 * refused over the limit, one failed in processing; two open exceptions of two kinds; a stock
 * run an hour ago writing 5 with 1 failure. Live: an imported order today.
 */
async function seed() {
  const at = (ms: number) => new Date(Date.now() - ms)
  const imported = (environment: string, order_sn: string, created: Date) =>
    rows.orderSync({ environment, order_sn, state: "imported", created_at: created, updated_at: created })
  await imported("sandbox", "SBX001", at(0))
  await imported("sandbox", "SBX002", at(0))
  await imported("sandbox", "SBX003", at(4 * 24 * HOUR))
  await imported("sandbox", "SBX004", at(20 * 24 * HOUR))
  await imported("live", "LIV001", at(0))

  const pushed = at(2 * HOUR)
  for (const status of ["processed", "processed", "failed", "rejected"]) {
    await rows.rawEvent({ environment: "sandbox", code: 3, body: { code: 3 }, status, created_at: pushed, updated_at: pushed })
  }
  await rows.query(
    `INSERT INTO shopee_rejected_push_tally (id, environment, source, window_start, received, refused, created_at, updated_at)
     VALUES ('shrpt_chart1', 'sandbox', '*', $1, 2, 2, $1, $1)`,
    [pushed]
  )
  await rows.exception({ environment: "sandbox", kind: "unknown_sku", message: "No product with SKU X", first_seen_at: at(10 * 60 * 1000) })
  await rows.exception({ environment: "sandbox", kind: "order_import_failed", message: "Timeout", first_seen_at: at(3 * 24 * HOUR) })
  await rows.query(
    `INSERT INTO shopee_stock_run (id, environment, profile_id, trigger, mode, status, written, failed, sent, created_at, updated_at)
     VALUES ('shstrun_chart1', 'sandbox', 'shprof_x', 'fast', 'mirror', 'partial', 5, 1, 6, $1, $1)`,
    [at(HOUR)]
  )
}

for (const theme of ["light", "dark"] as const) {
  it(
    `${theme} theme: every chart draws its data in the ui's colours; the windows and the all-envs toggle change what is drawn`,
    async () => {
      await seed()
      await onOverview("charts", theme, async (page) => {
        for (const chart of CHARTS) await page.getByTestId(`${chart}-plot`).locator(".recharts-surface").first().waitFor()
        const orders = page.getByTestId("chart-orders-per-day")
        const pushes = page.getByTestId("chart-push-acknowledgement")
        const exceptions = page.getByTestId("chart-open-exceptions")
        const stock = page.getByTestId("chart-stock-writes")

        // Two days with sandbox orders in 14 days; live's order is not in the active scope.
        expect(await bars(orders).count()).toBe(2)
        // One hour: accepted, rejected, processing failed.
        expect(await bars(pushes).count()).toBe(3)
        expect(await pushes.locator(".recharts-reference-line").count()).toBe(2)
        expect(await pushes.locator(".recharts-line-curve").count()).toBe(1)
        // Two kinds, each in one age bucket.
        expect(await bars(exceptions).count()).toBe(2)
        expect(await exceptions.locator(".recharts-yAxis .recharts-cartesian-axis-tick").count()).toBe(2)
        // One hour: written and failed stacked.
        expect(await bars(stock).count()).toBe(2)

        const fill = await resolvedFill(bars(stock).first())
        expect(fill).toMatch(/^(rgb|color|oklch|#)/)
        expect(await page.evaluate(() => document.documentElement.classList.contains("dark"))).toBe(theme === "dark")
        await keep(page, `with-data-${theme}`)

        await page.getByTestId("charts-days").getByRole("button").nth(1).click()
        await page.waitForFunction(
          () => document.querySelectorAll('[data-testid="chart-orders-per-day"] .recharts-bar-rectangle path').length === 3
        )
        await page.getByTestId("charts-hours").getByRole("button").nth(1).click()
        await page.getByTestId("charts-hours").getByRole("button").nth(1).and(page.locator("[aria-pressed=true]")).waitFor()

        await page.locator("#view-all-envs").click()
        // All environments: the live order stacks on today's bar, and a legend names the environments.
        await page.waitForFunction(
          () => document.querySelectorAll('[data-testid="chart-orders-per-day"] .recharts-bar-rectangle path').length === 4
        )
        expect(await orders.locator(".recharts-legend-item").count()).toBe(2)
        await keep(page, `with-data-all-envs-${theme}`)
      })
    },
    90 * 1000
  )

  it(
    `${theme} theme: each chart says it has nothing to show on an empty store`,
    async () => {
      await onOverview("empty", theme, async (page) => {
        for (const chart of CHARTS) await page.getByTestId(`${chart}-empty`).waitFor()
        expect(await page.getByTestId("overview-charts").locator(".recharts-surface").count()).toBe(0)
        await keep(page, `empty-${theme}`)
      })
    },
    60 * 1000
  )
}

it(
  "the charts' axes and grid take the theme's colours",
  async () => {
    await seed()
    const colours: Record<string, string[]> = {}
    for (const theme of ["light", "dark"] as const) {
      await onOverview("theme-colours", theme, async (page) => {
        const stock = page.getByTestId("chart-stock-writes")
        await bars(stock).first().waitFor()
        colours[theme] = [
          await resolvedFill(stock.locator(".recharts-cartesian-axis-tick-value").first()),
          await stock
            .locator(".recharts-cartesian-grid line")
            .first()
            .evaluate((node) => getComputedStyle(node).stroke),
        ]
      })
    }
    expect(colours.light[0]).not.toEqual(colours.dark[0])
    expect(colours.light[1]).not.toEqual(colours.dark[1])
  },
  90 * 1000
)
