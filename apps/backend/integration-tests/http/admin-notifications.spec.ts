import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { SANDBOX_PARTNER, SANDBOX_SHOP_ID } from "../helpers/sandbox"
import { control, resetAndConnect, sandboxItemId, startOrderSandbox, type Sandbox } from "../helpers/connected-shop"
import { sellInStore } from "../helpers/store-sale"
import { addCards, importCatalogue } from "../helpers/stock-shop"
import { waitFor } from "../helpers/wait-for"

jest.setTimeout(300 * 1000)

const CHARIZARD = "PKM-BS-004-PSA8"
const UPDATE_STOCK = "/api/v2/product/update_stock"
const SUBSCRIPTION_JOB = "check-shopee-push-subscription"

type FeedNotification = { id: string; to: string; channel: string; template: string; data: { title: string; description: string } }

/**
 * The conditions a person must hear of at once reach the admin's notification feed (the bell in
 * the top bar), each exactly once, besides their exception: Shopee's authorization-expiry push,
 * a refresh token close to lapsing, a push subscription Shopee suspended, the stock writer
 * stopping itself, and an oversell. Each is caused for real through the simulator and the app,
 * and read back through Medusa's own admin route for the feed.
 */
medusaIntegrationTestRunner({
  inApp: true,
  dbName: "notify_admin_notifications",
  env: { SHOPEE_ENCRYPTION_KEY: "3c".repeat(32) },
  testSuite: ({ api, getContainer }) => {
    let sandbox: Sandbox
    let options: Awaited<ReturnType<typeof resetAndConnect>>
    const sql = () => getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)

    /** The feed as the admin's panel asks for it. */
    const feed = async (): Promise<FeedNotification[]> => {
      const answer = await api.get("/admin/notifications?channel=feed&limit=100", options)
      expect(answer.status).toBe(200)
      return answer.data.notifications
    }
    const titled = async (title: string) => (await feed()).filter((notification) => notification.data?.title === title)
    /** The event bus hands the opened exception to the subscriber in the background: wait for its notification. */
    const waitForNotification = (title: string) => waitFor(async () => ((await titled(title)).length > 0 ? titled(title) : null), 30_000)
    const openExceptions = (kind: string) => sql()("connector_exception").where({ kind }).whereIn("status", ["open", "retrying"])
    /** The job as Medusa's scheduler starts it: its registered workflow. */
    const runSubscriptionJob = async () => {
      const engine = getContainer().resolve(Modules.WORKFLOW_ENGINE) as unknown as {
        run(id: string, options: Record<string, unknown>): Promise<unknown>
      }
      await engine.run(`job-${SUBSCRIPTION_JOB}`, { input: { scheduledFor: new Date().toISOString() }, throwOnError: true })
    }

    beforeAll(async () => {
      sandbox = await startOrderSandbox()
    })
    afterAll(async () => {
      await sandbox.close()
    })
    beforeEach(async () => {
      options = await resetAndConnect(api, getContainer(), sandbox)
    })
    afterEach(async () => {
      const everything = JSON.stringify(await feed())
      // A notification never carries a secret: neither partner key, nor a token.
      expect(everything).not.toContain(SANDBOX_PARTNER.partner_key)
      expect(everything).not.toContain(SANDBOX_PARTNER.push_partner_key)
      const issued = await control<{ access_tokens: { access_token: string; refresh_token: string }[] }>(sandbox, "GET", "/_control/tokens")
      for (const token of issued.access_tokens) {
        expect(everything).not.toContain(token.access_token)
        expect(everything).not.toContain(token.refresh_token)
      }
    })

    it("tells of an oversell once: the store sold the one copy, then a Shopee order for it arrived by push", async () => {
      await sellInStore(api, getContainer(), CHARIZARD)
      const order = await control<{ order_sn: string }>(sandbox, "POST", "/_control/orders", {
        shop_id: SANDBOX_SHOP_ID,
        items: [{ item_id: await sandboxItemId(sandbox, CHARIZARD), quantity: 1 }],
        status: "READY_TO_SHIP",
      })

      const [notification] = await waitForNotification("Shopee order oversold (sandbox)")
      expect(notification.data.description).toContain(`${CHARIZARD}: 1 sold, 0 available`)
      await control(sandbox, "POST", "/_control/pushes/wait_idle")
      const [exception] = await openExceptions("oversell")
      expect(exception.payload_ref).toBe(order.order_sn)
      expect(await titled("Shopee order oversold (sandbox)")).toHaveLength(1)
      // Only the conditions that need a person at once are notified: nothing else came with it.
      expect((await feed()).map((notification) => notification.data.title)).toEqual(["Shopee order oversold (sandbox)"])
    })

    it("tells of Shopee's authorization-expiry push (code 12) once, to every admin's feed", async () => {
      await control(sandbox, "POST", "/_control/pushes/test", {
        partner_id: SANDBOX_PARTNER.partner_id,
        code: 12,
        shop_id: SANDBOX_SHOP_ID,
      })
      const [notification] = await waitForNotification("Shopee authorization expiring (sandbox)")
      expect(notification).toMatchObject({ to: "", channel: "feed", template: "admin-ui" })
      expect(notification.data.description).toContain("expires within 7 days")
      await control(sandbox, "POST", "/_control/pushes/wait_idle")

      const [exception] = await openExceptions("authorization_expiring")
      expect(exception).toMatchObject({ environment: "sandbox" })
      expect(await titled("Shopee authorization expiring (sandbox)")).toHaveLength(1)
    })

    it("tells of a refresh token close to lapsing once, however often the refresh job runs", async () => {
      const { refreshExpiringTokens } = require("medusa-plugin-shopee/lib/refresh-expiring-tokens")
      // The authorization's year is ending: refreshing no longer moves the refresh token's end.
      const lapsesAt = new Date(Date.now() + 2 * 24 * 60 * 60 * 1000)
      await sql()("shopee_auth_token").update({ refresh_expires_at: lapsesAt })
      await refreshExpiringTokens(getContainer())
      await refreshExpiringTokens(getContainer())

      const [notification] = await waitForNotification("Shopee authorization expiring (sandbox)")
      expect(notification.data.description).toContain(`lapses on ${lapsesAt.toISOString().slice(0, 10)}`)
      expect(await openExceptions("authorization_expiring")).toHaveLength(1)
      expect(await titled("Shopee authorization expiring (sandbox)")).toHaveLength(1)
    })

    it("tells of a push subscription Shopee suspended once, from the scheduled check; says nothing while it is normal", async () => {
      process.env.SHOPEE_JOBS = SUBSCRIPTION_JOB
      try {
        await runSubscriptionJob()
        expect(await openExceptions("push_subscription_failing")).toEqual([])

        await control(sandbox, "POST", `/_control/push_subscriptions/${SANDBOX_PARTNER.partner_id}/status`, { status: "suspended" })
        await runSubscriptionJob()
        await runSubscriptionJob()
        const [notification] = await waitForNotification("Shopee push subscription failing (sandbox)")
        expect(notification.data.description).toContain("Shopee suspended the app's push subscription")
        const [exception] = await openExceptions("push_subscription_failing")
        expect(exception.payload_ref).toBe(`partner:${SANDBOX_PARTNER.partner_id}:suspended`)
        expect(await titled("Shopee push subscription failing (sandbox)")).toHaveLength(1)

        // Enabled again in Shopee's console: the next check settles the exception.
        await control(sandbox, "POST", `/_control/push_subscriptions/${SANDBOX_PARTNER.partner_id}/enable`)
        await runSubscriptionJob()
        expect(await openExceptions("push_subscription_failing")).toEqual([])
      } finally {
        process.env.SHOPEE_JOBS = "off"
      }
    })

    it("tells of the stock writer disarming itself once, not again while it stays disarmed", async () => {
      await addCards(getContainer(), sandbox, ["NTF-1", "NTF-2", "NTF-3", "NTF-4"], 2, 9)
      await importCatalogue(getContainer())
      expect((await api.post("/admin/shopee/stock/settings?env=sandbox", { mode: "mirror" }, options)).status).toBe(200)
      await control(sandbox, "POST", "/_control/faults", { kind: "server_error", route: UPDATE_STOCK, status: 503 })
      const failing = await api.post("/admin/shopee/stock/runs?env=sandbox", { kind: "full" }, options)
      expect(failing.data.run).toMatchObject({ status: "failed" })
      expect((await api.get("/admin/shopee/stock?env=sandbox", options)).data.setting.breaker).toMatchObject({ disarmed: true })

      const [notification] = await waitForNotification("Shopee stock writer stopped (sandbox)")
      expect(notification.data.description).toContain("5 system failures in a row")
      expect((await api.post("/admin/shopee/stock/runs?env=sandbox", { kind: "full" }, options)).status).toBe(409)
      expect(await titled("Shopee stock writer stopped (sandbox)")).toHaveLength(1)
      await control(sandbox, "DELETE", "/_control/faults")
    })
  },
})
