import type { Browser, Page } from "playwright-core"
import { SANDBOX_PARTNER, SANDBOX_SHOP_ID, startTestSandbox } from "../helpers/sandbox"
import { findFreePort } from "../../scripts/free-port"
import { startAdminServer, type AdminServer } from "../../scripts/admin-server"
import { launchChromium, logInThroughLoginPage, openAdminPage, screenshot, type SessionState } from "./harness/browser"
import { completeLiveProfile, resetShopeeState } from "./harness/shopee-state"

const HINT = "Save complete credentials (partner_id, partner_key, shop_id) before connecting or switching."

let server: AdminServer | undefined
/** The test simulator's port, allowed as an API base URL when the server starts (no Shopee host). */
let simulatorPort: number
let browser: Browser | undefined
let session: SessionState

beforeAll(
  async () => {
    simulatorPort = await findFreePort()
    server = await startAdminServer({ env: { SHOPEE_ALLOWED_API_BASE_URLS: `http://127.0.0.1:${simulatorPort}` } })
    browser = await launchChromium()
    session = await logInThroughLoginPage(browser, server)
  },
  5 * 60 * 1000
)

afterAll(async () => {
  await browser?.close()
  await server?.stop()
}, 60 * 1000)

beforeEach(async () => {
  await resetShopeeState(server!.api)
}, 30 * 1000)

/** Runs a test on a fresh page of the Shopee page; a failure leaves a screenshot named after the test. */
async function onShopeePage(name: string, query: string, body: (page: Page) => Promise<void>): Promise<void> {
  const { context, page } = await openAdminPage(browser!, session, `${server!.url}/app/shopee${query}`)
  try {
    await body(page)
  } catch (error) {
    await screenshot(page, `FAILED-${name}`).catch(() => undefined)
    throw error
  } finally {
    await context.close()
  }
}

const tab = (page: Page, name: "Sandbox" | "Live") => page.getByRole("tab", { name: new RegExp(`^${name}`) })
const banner = (page: Page) => page.getByTestId("active-environment-banner")

/** Toasts stack over the bottom right of the page; they are closed before clicking what they cover. */
async function dismissToasts(page: Page) {
  const closeButtons = page.locator('section[aria-label^="Notifications"] li button')
  for (let attempt = 0; attempt < 10 && (await closeButtons.count()) > 0; attempt++) {
    await closeButtons
      .first()
      .click({ timeout: 2_000 })
      .catch(() => undefined)
  }
  await closeButtons.first().waitFor({ state: "detached" })
}

/** Waits until the ACTIVE pill sits in `active`'s tab and in no other. */
async function pillIn(page: Page, active: "Sandbox" | "Live") {
  const other = active === "Sandbox" ? "Live" : "Sandbox"
  await tab(page, active).getByText("ACTIVE").waitFor()
  await tab(page, other).getByText("ACTIVE").waitFor({ state: "detached" })
}

it(
  "fills and saves the live profile and shows the partner key's fingerprint",
  async () => {
    await onShopeePage("live-profile-saved", "?env=live", async (page) => {
      await page.getByRole("heading", { name: "Profile “Default”" }).waitFor()
      await page.getByText("No token").waitFor()
      expect(await page.getByLabel("Partner ID").getAttribute("placeholder")).toContain("e.g. 2001887")
      await screenshot(page, "live-empty-profile")

      const partnerKey = "shpk" + "0123456789abcdef".repeat(3) + "abcdefgh" + "5863"
      await page.getByLabel("Partner ID").fill("2001887")
      await page.getByLabel("Partner key", { exact: true }).fill(partnerKey)
      await page.getByLabel("Push partner key").fill("push-partner-key-for-live-6x9s")
      await page.getByLabel("Shop ID").fill("880123")
      await page.getByLabel("Default stock location").click()
      await page.getByRole("option", { name: "Card Vault" }).click()
      await page.getByRole("button", { name: "Save", exact: true }).click()

      await page.getByText("Profile saved").waitFor()
      await page.getByTestId("shopee-live-partner-key-fingerprint").getByText("shpk…5863·len64").waitFor()
      await page.getByTestId("shopee-live-push-partner-key-fingerprint").getByText("…6x9s·len30").waitFor()
      expect(await page.getByLabel("Partner key", { exact: true }).inputValue()).toBe("")
      // Complete now: the hint goes and the switch to Live is offered.
      await page.getByText(HINT).waitFor({ state: "detached" })
      expect(await page.getByRole("button", { name: "Switch to Live" }).isEnabled()).toBe(true)
      await screenshot(page, "live-profile-saved")

      const { data } = await server!.api("GET", "/admin/shopee/credentials?env=live")
      const { data: locations } = await server!.api("GET", "/admin/stock-locations?fields=id,name")
      expect(data.profile).toMatchObject({ partner_id: 2001887, shop_id: 880123, partner_key: "shpk…5863·len64", complete: true })
      expect(data.profile.default_location_id).toBe(locations.stock_locations.find((l: { name: string }) => l.name === "Card Vault").id)
    })
  },
  60 * 1000
)

it(
  "disables Connect and Switch with the hint on an incomplete profile, and hides Switch on the active tab",
  async () => {
    await onShopeePage("incomplete-live-profile", "?env=live", async (page) => {
      await page.getByText(HINT).waitFor()
      await page.getByText("Missing: partner_id, partner_key, shop_id.").waitFor()
      expect(await page.getByRole("button", { name: "Switch to Live" }).isDisabled()).toBe(true)
      expect(await page.getByRole("button", { name: "Connect", exact: true }).isDisabled()).toBe(true)
      await screenshot(page, "live-incomplete-switch-disabled")

      await tab(page, "Sandbox").click()
      await page.getByTestId("shopee-sandbox-partner-key-fingerprint").waitFor()
      expect(await page.getByRole("button", { name: /^Switch to/ }).count()).toBe(0)
      expect(await page.getByRole("button", { name: "Connect", exact: true }).isEnabled()).toBe(true)
      expect(await page.getByText(HINT).count()).toBe(0)
      expect(new URL(page.url()).searchParams.get("env")).toBe("sandbox")
      await screenshot(page, "sandbox-active-tab")
    })
  },
  60 * 1000
)

it(
  "switches to Live and back; the banner and the ACTIVE pill move",
  async () => {
    await completeLiveProfile(server!.api)
    await onShopeePage("switch-environments", "?env=live", async (page) => {
      await pillIn(page, "Sandbox")
      await banner(page).getByText("Active environment: Sandbox.").waitFor()

      await page.getByRole("button", { name: "Switch to Live" }).click()
      await page.getByRole("alertdialog").getByRole("button", { name: "Switch to Live" }).click()
      await page.getByText("Live is now the active environment").waitFor()
      await pillIn(page, "Live")
      await banner(page).getByText("Active environment: Live.").waitFor()
      await page.getByRole("button", { name: "Switch to Live" }).waitFor({ state: "detached" })
      await screenshot(page, "switched-to-live")
      expect((await server!.api("GET", "/admin/shopee/active-environment")).data.active_environment).toBe("live")

      // The banner names the active environment whichever tab is open.
      await tab(page, "Sandbox").click()
      await banner(page).getByText("Active environment: Live.").waitFor()
      await page.getByRole("button", { name: "Switch to Sandbox" }).click()
      await page.getByRole("alertdialog").getByRole("button", { name: "Switch to Sandbox" }).click()
      await pillIn(page, "Sandbox")
      await banner(page).getByText("Active environment: Sandbox.").waitFor()
      await screenshot(page, "switched-back-to-sandbox")
    })
  },
  60 * 1000
)

it(
  "adds a second live profile, edits it in the form and activates it",
  async () => {
    await onShopeePage("second-profile", "?env=live", async (page) => {
      await page.getByRole("button", { name: "Add profile" }).click()
      await page.getByLabel("Profile name").last().fill("Second shop")
      await page.getByRole("dialog").getByRole("button", { name: "Add profile" }).click()
      await page.getByText("Profile added").waitFor()
      // The new profile opens in the form.
      await page.getByRole("heading", { name: "Profile “Second shop”" }).waitFor()
      await page.getByLabel("Shop ID").fill("990001")
      await page.getByRole("button", { name: "Save", exact: true }).click()
      await page.getByText("Profile saved").waitFor()
      await page.getByTestId("profile-row-Second shop").getByText("990001").waitFor()

      await dismissToasts(page)
      await page.getByTestId("profile-row-Second shop").getByRole("button", { name: "Activate" }).click()
      await page.getByText("“Second shop” is now the active Live profile").waitFor()
      await page.getByTestId("profile-row-Second shop").getByText("Active", { exact: true }).waitFor()
      await page.getByTestId("profile-row-Default").getByRole("button", { name: "Activate" }).waitFor()
      await page.getByText("Shop authorization of the active Live profile “Second shop”.").waitFor()
      await screenshot(page, "second-live-profile-active")

      const { data } = await server!.api("GET", "/admin/shopee/credentials?env=live")
      expect(data.profile).toMatchObject({ name: "Second shop", shop_id: 990001, is_active: true })
    })
  },
  60 * 1000
)

it(
  "shows the API's message when a save or an activation is refused",
  async () => {
    await onShopeePage("refusals", "?env=sandbox", async (page) => {
      await page.getByLabel("Shop ID").fill("12ab")
      await page.getByRole("button", { name: "Save", exact: true }).click()
      await page.getByText("Could not save the profile").waitFor()
      await page.getByText("shop_id must be a positive integer").waitFor()

      // Sandbox serves, so an incomplete profile may not become its active one.
      await page.getByRole("button", { name: "Add profile" }).click()
      await page.getByLabel("Profile name").last().fill("Empty")
      await page.getByRole("dialog").getByRole("button", { name: "Add profile" }).click()
      await page.getByText("Profile added").waitFor()
      await dismissToasts(page)
      await page.getByTestId("profile-row-Empty").getByRole("button", { name: "Activate" }).click()
      await page.getByText("Could not activate the profile").waitFor()
      await page
        .getByText(/Missing: partner_id, partner_key, shop_id/)
        .last()
        .waitFor()
      await screenshot(page, "refused-activation")
      expect((await server!.api("GET", "/admin/shopee/credentials?env=sandbox")).data.profile.name).toBe("Default")
    })
  },
  60 * 1000
)

it(
  "connects the sandbox shop through Shopee's authorization page and shows the token's expiry",
  async () => {
    const simulator = await startTestSandbox(simulatorPort)
    try {
      await server!.api("PATCH", "/admin/shopee/credentials?env=sandbox", {
        ...SANDBOX_PARTNER,
        shop_id: SANDBOX_SHOP_ID,
        api_base_url: simulator.url,
      })
      await onShopeePage("connect-through-simulator", "?env=sandbox", async (page) => {
        await page.getByTestId("token-state").getByText("No token").waitFor()
        await page.getByRole("button", { name: "Connect", exact: true }).click()
        // The simulator's authorization page, standing in for Shopee's.
        await page.getByRole("button", { name: "Confirm authorization" }).click()
        await page.getByText("Shop connected").waitFor()
        await page
          .getByTestId("token-state")
          .getByText(/^Connected, expires in \d+ h( \d+ min)?$/)
          .waitFor()
        await page.getByRole("button", { name: "Reconnect" }).waitFor()
        expect(new URL(page.url()).search).toBe("?env=sandbox")
        await screenshot(page, "sandbox-connected")
      })
    } finally {
      await simulator.close()
    }
  },
  60 * 1000
)

it(
  "keeps the page usable when the API answers 5xx, and recovers on Retry",
  async () => {
    await onShopeePage("api-errors", "?env=sandbox", async (page) => {
      const failing = { status: 500, json: { type: "unknown_error", message: "An unknown error occurred." } }
      await page.route("**/admin/shopee/profiles?*", (route) => route.fulfill(failing))
      await page.reload()
      await page.getByText("The Sandbox profiles could not be loaded").waitFor()
      // The rest of the page still works without the list.
      await page.getByTestId("shopee-sandbox-partner-key-fingerprint").waitFor()
      await banner(page).getByText("Active environment: Sandbox.").waitFor()

      await page.route("**/admin/shopee/credentials?*", (route) => route.fulfill(failing))
      await tab(page, "Live").click()
      await page.getByText("The Live credentials could not be loaded").waitFor()
      await page.getByText("An unknown error occurred.").first().waitFor()
      await screenshot(page, "credentials-error")

      await page.unrouteAll()
      await page.getByRole("button", { name: "Retry" }).click()
      await page.getByRole("heading", { name: "Profile “Default”" }).waitFor()
      await page.getByText(HINT).waitFor()
    })
  },
  60 * 1000
)

it(
  "shows the outcome of Shopee's authorization redirect once, then cleans the URL",
  async () => {
    await onShopeePage("oauth-outcome", "?env=live&status=error&reason=exchange_failed", async (page) => {
      await page.getByText("Shopee connection failed").waitFor()
      await page.getByText(/Shopee refused the authorization code.*\(exchange_failed\)/).waitFor()
      await page.waitForURL((url) => !url.searchParams.has("status") && !url.searchParams.has("reason"))
      expect(new URL(page.url()).searchParams.get("env")).toBe("live")
      await tab(page, "Live").and(page.locator("[data-state=active]")).waitFor()
      await screenshot(page, "oauth-error-toast")
    })
  },
  60 * 1000
)
