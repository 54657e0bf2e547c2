import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { seedDemoStore } from "../../src/demo/seed-demo-store"
import { adminHeaders } from "../helpers/admin-session"
import { control, sandboxItemId, startOrderSandbox, type Sandbox } from "../helpers/connected-shop"
import { SANDBOX_PARTNER, SANDBOX_SHOP_ID, signPush } from "../helpers/sandbox"
import { waitFor } from "../helpers/wait-for"

jest.setTimeout(240 * 1000)

type Step = { id: string; done: boolean; detail: Record<string, unknown>; next_action: string | null; link: string | null }

medusaIntegrationTestRunner({
  inApp: true,
  env: { SHOPEE_ENCRYPTION_KEY: "34".repeat(32) },
  testSuite: ({ api, getContainer }) => {
    let sandbox: Sandbox
    let options: Awaited<ReturnType<typeof adminHeaders>>
    const sql = () => getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
    const guide = async (environment = "sandbox") => {
      const { status, data } = await api.get(`/admin/shopee/setup?environment=${environment}`, options)
      expect(status).toBe(200)
      return data as { steps: Step[]; urls: { push_url: string }; last_push: { received_at: string; signature_ok: boolean } | null }
    }
    const doneSteps = async (environment = "sandbox") => (await guide(environment)).steps.filter((step) => step.done).map((step) => step.id)
    const untilDone = (id: string) =>
      waitFor(async () => ((await doneSteps()).includes(id) ? true : undefined), 60_000).catch(async (error) => {
        throw new Error(`${(error as Error).message} waiting for step ${id}: ${JSON.stringify((await guide()).steps)}`)
      })

    beforeAll(async () => {
      sandbox = await startOrderSandbox()
    })
    afterAll(async () => {
      await sandbox.close()
    })
    beforeEach(async () => {
      await control(sandbox, "POST", "/_control/reset")
      process.env.SHOPEE_PUBLIC_URL = api.defaults.baseURL
      await control(sandbox, "PATCH", `/_control/partners/${SANDBOX_PARTNER.partner_id}`, {
        callback_url: `${api.defaults.baseURL}/connectors/shopee/webhook/sandbox`,
      })
      options = await adminHeaders(api, getContainer())
    })

    it("answers 400 naming `environment` for anything but sandbox or live", async () => {
      for (const query of ["environment=prod", "", "env=sandbox", "environment=sandbox&extra=1"]) {
        const { status, data } = await api.get(`/admin/shopee/setup?${query}`, options)
        expect(status).toBe(400)
        expect(data.message).toMatch(/environment|extra|env/)
      }
      const testPush = await api.post("/admin/shopee/setup/test-push?environment=staging", {}, options)
      expect(testPush.status).toBe(400)
      expect(testPush.data.message).toMatch(/environment/)
      expect((await api.get("/admin/shopee/setup?environment=live", { validateStatus: () => true })).status).toBe(401)
    })

    it("ticks each step only once its state is real, from a fresh store to a first imported order", async () => {
      // A fresh store: nothing done, in either environment, each step saying what to do next.
      for (const environment of ["sandbox", "live"]) {
        const { steps } = await guide(environment)
        expect(steps.map((step) => [step.id, step.done])).toEqual([
          ["credentials", false],
          ["registration", false],
          ["shop_connected", false],
          ["push_verified", false],
          ["order_setup", false],
          ["catalogue", false],
          ["stock_mode", false],
          ["first_order", false],
        ])
        for (const step of steps) expect(step.next_action).toEqual(expect.any(String))
      }
      expect((await guide()).steps[0]).toMatchObject({ next_action: "save_credentials", link: "/shopee?env=sandbox" })

      // 1: credentials, saved and complete.
      await api.patch("/admin/shopee/credentials?env=sandbox", { partner_id: SANDBOX_PARTNER.partner_id }, options)
      expect(await doneSteps()).toEqual([])
      expect((await guide()).steps[0].detail).toEqual({ missing: "partner_key, shop_id" })
      await api.patch(
        "/admin/shopee/credentials?env=sandbox",
        {
          partner_key: SANDBOX_PARTNER.partner_key,
          push_partner_key: SANDBOX_PARTNER.push_partner_key,
          shop_id: SANDBOX_SHOP_ID,
          api_base_url: sandbox.url,
        },
        options
      )
      expect(await doneSteps()).toEqual(["credentials"])
      expect(await doneSteps("live")).toEqual([])

      // A push signed with another key arrives but does not count: the guide asks to check the push key.
      const pushUrl = `${api.defaults.baseURL}/connectors/shopee/webhook/sandbox`
      const forged = JSON.stringify({ data: {}, shop_id: SANDBOX_SHOP_ID, code: 5, timestamp: Math.floor(Date.now() / 1000) })
      const rejected = await api.post("/connectors/shopee/webhook/sandbox", forged, {
        headers: { "content-type": "application/json", authorization: signPush(pushUrl, forged, "not-the-push-key") },
        validateStatus: () => true,
      })
      expect(rejected.status).toBeLessThan(500)
      const afterForged = await guide()
      expect(afterForged.steps[3]).toMatchObject({
        done: false,
        next_action: "check_push_key",
        detail: { verified_pushes: 0, rejected_pushes: 1 },
      })
      expect(afterForged.steps[1]).toMatchObject({ done: false, next_action: "check_push_key" })
      expect(afterForged.last_push).toMatchObject({ signature_ok: false })

      // 4 (and 2): a test push that arrives and verifies.
      const asked = await api.post("/admin/shopee/setup/test-push?environment=sandbox", {}, options)
      expect(asked.status).toBe(200)
      expect(asked.data).toMatchObject({ callback_url: `${api.defaults.baseURL}/connectors/shopee/webhook/sandbox` })
      await untilDone("push_verified")
      const afterPush = await guide()
      expect(afterPush.last_push).toMatchObject({ signature_ok: true })
      expect(afterPush.last_push!.received_at >= asked.data.requested_at).toBe(true)
      expect(afterPush.steps.filter((step) => step.done).map((step) => step.id)).toEqual(["credentials", "registration", "push_verified"])
      const [stored] = await sql()("shopee_raw_event").where({ environment: "sandbox", signature_ok: true })
      expect(JSON.parse(stored.raw_body).data.push_test_id).toEqual(asked.data.push_test_id)

      // 3: the shop authorized through the redirect.
      expect((await guide()).steps[2]).toMatchObject({ done: false, next_action: "connect_shop" })
      const { code } = await control(sandbox, "POST", "/_control/auth_code", {
        partner_id: SANDBOX_PARTNER.partner_id,
        shop_id: SANDBOX_SHOP_ID,
      })
      const callback = await api.get(`/connectors/shopee/oauth/callback/sandbox?code=${code}&shop_id=${SANDBOX_SHOP_ID}`, {
        maxRedirects: 0,
        validateStatus: () => true,
      })
      expect(String(callback.headers.location)).toContain("status=ok")
      expect(await doneSteps()).toEqual(["credentials", "registration", "shop_connected", "push_verified"])

      // 5: the sales channel with its stock location and the shipping option (the demo store has them).
      expect((await guide()).steps[4]).toMatchObject({ done: false, next_action: "create_sales_channel", link: "/settings/sales-channels" })
      await seedDemoStore(getContainer())
      expect((await guide()).steps[4]).toMatchObject({
        done: true,
        detail: { sales_channel: "Shopee", shipping_option: "Shopee Logistics" },
      })

      // 6: the catalogue imported, N of M models mapped.
      expect((await guide()).steps[5]).toMatchObject({ done: false, next_action: "import_catalogue" })
      expect((await api.post("/admin/shopee/products/import?env=sandbox", { mode: "full" }, options)).status).toBeLessThan(300)
      await untilDone("catalogue")
      expect((await guide()).steps[5].detail).toEqual({ last_run: "succeeded", models: 3, mapped: 2 })

      // 7: a stock mode chosen by a person.
      expect((await guide()).steps[6]).toMatchObject({ done: false, detail: { mode: "off" } })
      expect((await api.post("/admin/shopee/stock/settings?env=sandbox", { mode: "decrease_only" }, options)).status).toBe(200)
      expect((await guide()).steps[6]).toMatchObject({ done: true, detail: { mode: "decrease_only" } })

      // 8: the first order imported.
      expect((await guide()).steps[7]).toMatchObject({ done: false, next_action: "wait_for_order" })
      await control(sandbox, "POST", "/_control/orders", {
        shop_id: SANDBOX_SHOP_ID,
        items: [{ item_id: await sandboxItemId(sandbox, "PKM-SV1-BB"), quantity: 1 }],
        status: "READY_TO_SHIP",
      })
      await untilDone("first_order")
      const finished = await guide()
      for (const step of finished.steps) expect(step).toMatchObject({ done: true, next_action: null, link: null })
      expect(finished.steps[7].detail).toEqual({ imported: 1 })
      // Nothing left running into the next test: the simulator's pushes delivered and processed.
      await control(sandbox, "POST", "/_control/pushes/wait_idle")
      await waitFor(async () => (await sql()("shopee_raw_event").where({ status: "pending" })).length === 0, 30_000)
      // The other environment has only what the store shares between environments: the order setup.
      expect(await doneSteps("live")).toEqual(["order_setup"])
    })

    it("answers a test push with Shopee's error when no push URL is registered", async () => {
      await control(sandbox, "PATCH", `/_control/partners/${SANDBOX_PARTNER.partner_id}`, { callback_url: null })
      await api.patch(
        "/admin/shopee/credentials?env=sandbox",
        {
          partner_id: SANDBOX_PARTNER.partner_id,
          partner_key: SANDBOX_PARTNER.partner_key,
          shop_id: SANDBOX_SHOP_ID,
          api_base_url: sandbox.url,
        },
        options
      )
      const { status, data } = await api.post("/admin/shopee/setup/test-push?environment=sandbox", {}, options)
      expect(status).toBe(502)
      expect(data.message).toMatch(/No push URL is registered/)
      expect(JSON.stringify(data)).not.toContain(SANDBOX_PARTNER.partner_key)
    })

    it("refuses a test push while the credentials are incomplete, naming what is missing", async () => {
      const { status, data } = await api.post("/admin/shopee/setup/test-push?environment=live", {}, options)
      expect(status).toBe(400)
      expect(data.message).toMatch(/Missing: partner_id, partner_key, shop_id/)
    })
  },
})
