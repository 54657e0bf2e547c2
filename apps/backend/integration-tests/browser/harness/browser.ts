import fs from "node:fs"
import path from "node:path"
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core"
import type { AdminServer } from "../../../scripts/admin-server"

/** Debian's Chromium: `.ci/run` installs it on a new machine; npm packages never download a browser here. */
const CHROMIUM = "/usr/bin/chromium"
const SCREENSHOTS_DIR = path.resolve(__dirname, "../../../test-results/screenshots")
const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
]

/**
 * Tall enough for the whole Shopee page: the admin scrolls its main area, not the document, so
 * a full-page screenshot shows only what fits the viewport.
 */
const VIEWPORT = { width: 1440, height: 1400 }

/** Playwright's launch gives every browser a fresh, temporary user-data dir. */
export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} does not exist: install Debian's chromium (apt-get install chromium), as .ci/run does`)
  }
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS, timeout: 30_000 })
}

/**
 * Logs in through the admin's login page once; each test then opens its own context with
 * that session, so tests share no page state but do not each pay for a login.
 */
export async function logInThroughLoginPage(browser: Browser, server: AdminServer) {
  const context = await browser.newContext({ viewport: VIEWPORT })
  try {
    const page = await context.newPage()
    await page.goto(`${server.url}/app/login`)
    await page.getByPlaceholder("Email").fill(server.admin.email)
    await page.getByPlaceholder("Password").fill(server.admin.password)
    await page.getByRole("button", { name: "Continue with Email" }).click()
    await page.waitForURL((url) => !url.pathname.startsWith("/app/login"), { timeout: 30_000 })
    return await context.storageState()
  } finally {
    await context.close()
  }
}

export type SessionState = Awaited<ReturnType<typeof logInThroughLoginPage>>

export async function openAdminPage(
  browser: Browser,
  session: SessionState,
  url: string
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ storageState: session, viewport: VIEWPORT })
  context.setDefaultTimeout(15_000)
  const page = await context.newPage()
  await page.goto(url)
  return { context, page }
}

/** A full-page screenshot kept as a test artifact (test-results/ is git-ignored). */
export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOTS_DIR, { recursive: true })
  await page.screenshot({ path: path.join(SCREENSHOTS_DIR, `${name}.png`), fullPage: true })
}
