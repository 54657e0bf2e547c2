import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { SANDBOX_PARTNER, SANDBOX_SHOP_ID } from "../helpers/sandbox"
import { control, resetAndConnect, sandboxItemId, startOrderSandbox, type Sandbox } from "../helpers/connected-shop"
import { sellInStore } from "../helpers/store-sale"
import { addCards as addCardsToShop, importCatalogue } from "../helpers/stock-shop"
import { waitFor } from "../helpers/wait-for"

jest.setTimeout(300 * 1000)

const CHARIZARD = "PKM-BS-004-PSA8"
const BOOSTER = "PKM-SV1-BB"
const LIVE_SHOP_ID = 700002
const UPDATE_STOCK = "/api/v2/product/update_stock"

type RequestLogEntry = { shop_id: number | null; status: number }

medusaIntegrationTestRunner({
  inApp: true,
  env: { SHOPEE_ENCRYPTION_KEY: "56".repeat(32) },
  testSuite: ({ api, getContainer }) => {
    let sandbox: Sandbox
    let options: Awaited<ReturnType<typeof resetAndConnect>>
    const sql = () => getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)

    const setStock = (environment: string, body: Record<string, unknown>) =>
      api.post(`/admin/shopee/stock/settings?env=${environment}`, body, options)
    const startRun = (environment: string, kind: "full" | "dry_run") =>
      api.post(`/admin/shopee/stock/runs?env=${environment}`, { kind }, options)
    /** What the simulated shop shows for a SKU: its total stock. */
    const shopeeStock = async (sku: string, shopId = SANDBOX_SHOP_ID) => {
      const items = await control<{ item_id: number; item_sku: string }[]>(sandbox, "GET", `/_control/items?shop_id=${shopId}`)
      const item = items.find((candidate) => candidate.item_sku === sku)!
      return (await control<{ models: { stock: number }[] }>(sandbox, "GET", `/_control/items/${item.item_id}/stock`)).models[0].stock
    }
    const updateStockCalls = () => control<RequestLogEntry[]>(sandbox, "GET", `/_control/requests?path=${UPDATE_STOCK}`)
    const medusaAvailable = async (sku: string) => {
      const {
        data: [item],
      } = await getContainer()
        .resolve(ContainerRegistrationKeys.QUERY)
        .graph({
          entity: "inventory_item",
          fields: ["location_levels.stocked_quantity", "location_levels.reserved_quantity"],
          filters: { sku },
        })
      return (item.location_levels ?? []).reduce(
        (sum, level) => sum + Number(level!.stocked_quantity) - Number(level!.reserved_quantity),
        0
      )
    }
    /**
     * Waits for the fast path to take every dirty mark: first a mark appears (a mark waits at
     * least the quiet spell, far longer than a poll), then none is left.
     */
    const waitForMarksFlushed = async () => {
      await waitFor(async () => Number((await sql()("shopee_stock_dirty_mark").count({ count: "*" }))[0].count) > 0, 30_000)
      await waitFor(async () => Number((await sql()("shopee_stock_dirty_mark").count({ count: "*" }))[0].count) === 0, 30_000)
    }
    const exceptionsOf = (kind: string) => sql()("connector_exception").where({ kind })

    /** More one-of-a-kind cards, sold in both channels and listed on Shopee at `shopeeStock` each. */
    /** `count` cards STK-1…, 2 copies each in Medusa, listed on Shopee at `shopeeStockEach`. */
    const addCards = async (container: MedusaContainer, count: number, shopeeStockEach: number) => {
      const skus = Array.from({ length: count }, (_, index) => `STK-${index + 1}`)
      await addCardsToShop(container, sandbox, skus, 2, shopeeStockEach)
      return skus
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

    it("writes Shopee's stock of the last copy sold in the store down to 0 shortly after, once a person armed it (who and when recorded)", async () => {
      await importCatalogue(getContainer())
      const armed = await setStock("sandbox", { mode: "mirror" })
      expect(armed.status).toBe(200)
      expect(armed.data.setting).toMatchObject({
        mode: "mirror",
        buffer: 0,
        mode_changed_by: expect.stringMatching(/^user_/),
        mode_changed_at: expect.any(String),
      })

      const resync = await startRun("sandbox", "full")
      expect(resync.status).toBe(200)
      expect(resync.data.run).toMatchObject({ trigger: "full", status: "succeeded", models: 2, to_write: 2, written: 2, failed: 0 })
      expect(
        resync.data.rows.map((row: { action: string; shopee_before: number; sent: number; result: string }) => [
          row.action,
          row.shopee_before,
          row.sent,
          row.result,
        ])
      ).toEqual(
        expect.arrayContaining([
          ["write", 3, 1, "written"],
          ["write", 50, 12, "written"],
        ])
      )
      expect([await shopeeStock(CHARIZARD), await shopeeStock(BOOSTER)]).toEqual([1, 12])

      await sellInStore(api, getContainer(), CHARIZARD)
      await waitFor(async () => (await shopeeStock(CHARIZARD)) === 0, 30_000)
      const data = await waitFor(async () => {
        const answer = (await api.get("/admin/shopee/stock/runs?env=sandbox", options)).data
        return answer.runs[0].finished_at ? answer : undefined
      })
      expect(data.runs[0]).toMatchObject({ trigger: "fast", status: "succeeded", written: 1 })
      const { data: detail } = await api.get(`/admin/shopee/stock/runs/${data.runs[0].id}`, options)
      expect(detail.rows).toEqual([expect.objectContaining({ action: "write", shopee_before: 1, target: 0, sent: 0, result: "written" })])
      const [listing] = await sql()("shopee_product_map").where({ sku: CHARIZARD })
      expect(listing).toMatchObject({ last_stock_sent: 0, shopee_stock: 0 })

      const state = await api.get("/admin/shopee/stock?env=sandbox", options)
      expect(state.data).toMatchObject({
        environment: "sandbox",
        setting: { mode: "mirror", breaker: { disarmed: false } },
        latest_plan: { run: { trigger: "full" } },
      })
      expect(state.data.changes[0]).toMatchObject({ from_mode: "off", to_mode: "mirror", actor_id: armed.data.setting.mode_changed_by })

      // A person restores the first resync: a new run, planned and recorded, writes the values from before it.
      const restored = await api.post(`/admin/shopee/stock/runs/${resync.data.run.id}/restore`, {}, options)
      expect(restored.status).toBe(200)
      expect(restored.data.run).toMatchObject({ trigger: "restore", restore_of: resync.data.run.id, status: "succeeded", written: 2 })
      expect([await shopeeStock(CHARIZARD), await shopeeStock(BOOSTER)]).toEqual([3, 50])
      const fastRestored = await api.post(`/admin/shopee/stock/runs/${data.runs[0].id}/restore`, {}, options)
      expect(fastRestored.data.run).toMatchObject({ trigger: "restore", written: 1 })
      expect(await shopeeStock(CHARIZARD)).toBe(1)
      expect((await api.post("/admin/shopee/stock/runs/shstrun_nope/restore", {}, options)).status).toBe(404)
      expect((await setStock("sandbox", { mode: "sometimes" })).data.message).toMatch(/'off, decrease_only, mirror' for field 'mode'/)
      expect((await setStock("sandbox", { buffer: -1 })).status).toBe(400)
      expect((await setStock("sandbox", {})).data.message).toMatch(/The body is empty/)
    })

    it("marks a model Shopee banned (push 16) and plans it as never written; a promotion's reserve (push 7) becomes the floor", async () => {
      await importCatalogue(getContainer())
      const charizardItem = await sandboxItemId(sandbox, CHARIZARD)
      const boosterItem = await sandboxItemId(sandbox, BOOSTER)
      await control(sandbox, "POST", `/_control/items/${charizardItem}/status`, { item_status: "BANNED" })
      await control(sandbox, "POST", "/_control/promotions", { item_id: boosterItem, models: [{ model_id: 0, reserved_stock: 20 }] })
      // The pushes go the way of every push: stored by the webhook, then handled by the push workflow.
      const handled = async (code: number) =>
        waitFor(
          async () => (await sql()("shopee_raw_event").where({ code }).whereIn("status", ["processed", "failed", "ignored"]))[0],
          30_000
        )

      expect(await handled(16)).toMatchObject({
        status: "processed",
        status_reason: expect.stringContaining(`item ${charizardItem} is now BANNED`),
      })
      expect((await sql()("shopee_product_map").where({ sku: CHARIZARD }))[0].item_status).toBe("BANNED")
      expect((await handled(7)).status).toBe("processed")
      await waitFor(async () => (await sql()("shopee_product_map").where({ sku: BOOSTER }))[0].reserved_stock === 20 || undefined, 30_000)

      const dry = await startRun("sandbox", "dry_run")
      const rows = new Map(dry.data.rows.map((row: { item_id: string }) => [Number(row.item_id), row]))
      expect(rows.get(charizardItem)).toMatchObject({ action: "skip", reason: "banned on Shopee" })
      // Medusa has 12 boxes; the promotion holds 20 of Shopee's 50: the target is the reserve.
      expect(rows.get(boosterItem)).toMatchObject({ target: 20 })
    })

    it("writes nothing while Off: a sale is left alone, a resync is refused, a dry run shows what Mirror would do", async () => {
      await importCatalogue(getContainer())
      await sellInStore(api, getContainer(), BOOSTER)
      await waitForMarksFlushed()
      expect(await updateStockCalls()).toEqual([])
      expect(await sql()("shopee_stock_run").count({ count: "*" })).toEqual([{ count: "0" }])

      const refused = await startRun("sandbox", "full")
      expect([refused.status, refused.data.message]).toEqual([409, "No stock run: the sandbox stock writer is off."])
      const dry = await startRun("sandbox", "dry_run")
      expect(dry.status).toBe(200)
      expect(dry.data.run).toMatchObject({ trigger: "dry_run", status: "planned", mode: "off" })
      expect(dry.data.rows.find((row: { shopee_before: number }) => row.shopee_before === 50)).toMatchObject({
        action: "hold",
        target: 11,
        reason: "writer off: would set 50 to 11",
      })
      expect(await updateStockCalls()).toEqual([])
      expect(await shopeeStock(BOOSTER)).toBe(50)
    })

    it("gives a cancelled Shopee order's unit back to Shopee in Mirror, and never raises Shopee in Decrease only", async () => {
      await importCatalogue(getContainer())
      await setStock("sandbox", { mode: "mirror" })
      expect((await startRun("sandbox", "full")).data.run.status).toBe("succeeded")

      const order = await control<{ order_sn: string }>(sandbox, "POST", "/_control/orders", {
        shop_id: SANDBOX_SHOP_ID,
        items: [{ item_id: await sandboxItemId(sandbox, CHARIZARD), quantity: 1 }],
        status: "READY_TO_SHIP",
      })
      await waitFor(async () => (await sql()("shopee_order_sync").where({ order_sn: order.order_sn, state: "imported" }))[0], 30_000)
      await waitFor(async () => (await medusaAvailable(CHARIZARD)) === 0, 30_000)
      await waitForMarksFlushed()
      expect(await shopeeStock(CHARIZARD)).toBe(0)

      await control(sandbox, "POST", `/_control/orders/${order.order_sn}/cancel`, { reason: "buyer changed mind" })
      await waitFor(async () => (await medusaAvailable(CHARIZARD)) === 1, 30_000)
      await waitForMarksFlushed()
      expect(await shopeeStock(CHARIZARD)).toBe(1)
      // A resync agrees: the cancelled order no longer counts as a Shopee sale waiting for import.
      const resync = await startRun("sandbox", "full")
      expect(resync.data.rows.find((row: { shopee_before: number; target: number }) => row.shopee_before === 1)).toMatchObject({
        target: 1,
        action: "none",
        reason: "in sync",
      })

      // Decrease only: a store order cancelled frees a booster box in Medusa; Shopee is not raised.
      await setStock("sandbox", { mode: "decrease_only" })
      const storeOrder = await sellInStore(api, getContainer(), BOOSTER)
      await waitFor(async () => (await shopeeStock(BOOSTER)) === 11, 30_000)
      expect((await api.post(`/admin/orders/${storeOrder}/cancel`, {}, options)).status).toBe(200)
      await waitForMarksFlushed()
      expect(await medusaAvailable(BOOSTER)).toBe(12)
      expect(await shopeeStock(BOOSTER)).toBe(11)
      const { data } = await api.get("/admin/shopee/stock/runs?env=sandbox&limit=1", options)
      const { data: detail } = await api.get(`/admin/shopee/stock/runs/${data.runs[0].id}`, options)
      expect(detail.rows).toEqual([
        expect.objectContaining({ action: "none", reason: "decrease only: Shopee 11 stays below the target 12" }),
      ])

      // Mirror gives it back.
      await setStock("sandbox", { mode: "mirror" })
      expect((await startRun("sandbox", "full")).data.run).toMatchObject({ written: 1 })
      expect(await shopeeStock(BOOSTER)).toBe(12)
    })

    it("refuses a plan from a broken read (every Medusa level reads 0): nothing written, an exception raised", async () => {
      await addCards(getContainer(), 4, 2)
      await importCatalogue(getContainer())
      await setStock("sandbox", { mode: "mirror" })
      expect((await startRun("sandbox", "full")).data.run).toMatchObject({ status: "succeeded", models: 6 })

      await sql()("inventory_level").update({ stocked_quantity: 0 })
      await control(sandbox, "DELETE", "/_control/requests")
      const refused = await startRun("sandbox", "full")
      expect(refused.data.run).toMatchObject({ status: "refused", refusal_rule: "sudden_zeros", written: 0 })
      expect(refused.data.run.reason).toMatch(/^6 of 6 models that had stock now read 0 on Medusa/)
      expect(await updateStockCalls()).toEqual([])
      const [exception] = await exceptionsOf("stock_plan_refused")
      expect(exception).toMatchObject({ environment: "sandbox", status: "open" })
      expect(exception.message).toContain("sudden_zeros")
      expect([await shopeeStock("STK-1"), await shopeeStock(CHARIZARD)]).toEqual([2, 1])
    })

    it("refuses a plan when a page of Shopee's stock cannot be read: nothing written, an exception raised", async () => {
      await addCards(getContainer(), 4, 2)
      await importCatalogue(getContainer())
      await setStock("sandbox", { mode: "mirror" })
      expect((await startRun("sandbox", "full")).data.run).toMatchObject({ status: "succeeded", models: 6 })

      // Medusa now has one copy fewer of every card, so a plan built on a partial read would write.
      await sql()("inventory_level").decrement("stocked_quantity", 1).where("stocked_quantity", ">", 1)
      await control(sandbox, "POST", "/_control/faults", { kind: "server_error", route: "/api/v2/product/get_item_base_info", status: 503 })
      await control(sandbox, "DELETE", "/_control/requests")
      const refused = await startRun("sandbox", "full")
      expect(refused.data.run).toMatchObject({ status: "refused", refusal_rule: "incomplete_read", written: 0 })
      expect(await updateStockCalls()).toEqual([])
      const [exception] = await exceptionsOf("stock_plan_refused")
      expect(exception).toMatchObject({ environment: "sandbox", status: "open" })
      expect(exception.message).toContain("incomplete_read")

      // Once Shopee answers again, the next run writes what changed.
      await control(sandbox, "DELETE", "/_control/faults")
      expect((await startRun("sandbox", "full")).data.run).toMatchObject({ status: "succeeded" })
      expect(await shopeeStock("STK-1")).toBe(1)
    })

    it("disarms after five system failures in a row with an exception; item-level failures do not count; a mode change re-arms", async () => {
      const skus = await addCards(getContainer(), 4, 9)
      await importCatalogue(getContainer())
      await setStock("sandbox", { mode: "mirror" })
      const items = await Promise.all([CHARIZARD, BOOSTER, ...skus].map((sku) => sandboxItemId(sandbox, sku)))

      for (const item_id of items) await control(sandbox, "POST", "/_control/stock_failures", { item_id })
      const refusedByShopee = await startRun("sandbox", "full")
      expect(refusedByShopee.data.run).toMatchObject({ status: "failed", to_write: 6, failed: 6, written: 0 })
      expect(
        refusedByShopee.data.rows.every(
          (row: { failure_level: string; failure_reason: string }) =>
            row.failure_level === "item" && row.failure_reason === "locked by promotion"
        )
      ).toBe(true)
      expect((await api.get("/admin/shopee/stock?env=sandbox", options)).data.setting.breaker).toMatchObject({
        disarmed: false,
        consecutive_system_failures: 0,
      })

      await control(sandbox, "DELETE", "/_control/stock_failures")
      await control(sandbox, "POST", "/_control/faults", { kind: "server_error", route: UPDATE_STOCK, status: 503 })
      const failing = await startRun("sandbox", "full")
      expect(failing.data.run).toMatchObject({ status: "failed", to_write: 6, failed: 5, written: 0 })
      const results = failing.data.rows.map((row: { result: string; failure_level: string | null }) => [row.result, row.failure_level])
      expect(results.filter(([result]: string[]) => result === "failed").every(([, level]: string[]) => level === "system")).toBe(true)
      expect(results.filter(([result]: string[]) => result === "not_sent")).toHaveLength(1)
      const { data } = await api.get("/admin/shopee/stock?env=sandbox", options)
      expect(data.setting.breaker).toMatchObject({
        disarmed: true,
        consecutive_system_failures: 5,
        reason: expect.stringContaining("5 system failures in a row"),
      })
      const [exception] = await exceptionsOf("stock_writer_disarmed")
      expect(exception.message).toContain("disarmed itself")

      // Disarmed: the resync does nothing until a person sets the mode again.
      await control(sandbox, "DELETE", "/_control/faults")
      expect((await startRun("sandbox", "full")).status).toBe(409)
      await setStock("sandbox", { mode: "mirror" })
      expect((await startRun("sandbox", "full")).data.run).toMatchObject({ status: "succeeded", written: 6 })
      expect(await shopeeStock("STK-3")).toBe(2)
    })

    it("writes only the shop of the environment this instance serves, before and after a switch", async () => {
      await control(sandbox, "POST", "/_control/shops", { shop_id: LIVE_SHOP_ID, region: "SG" })
      for (const item of [
        { item_name: "Charizard", item_sku: CHARIZARD, stock: 3 },
        { item_name: "Booster", item_sku: BOOSTER, stock: 50 },
      ]) {
        await control(sandbox, "POST", "/_control/items", { shop_id: LIVE_SHOP_ID, ...item })
      }
      const created = await api.patch(
        "/admin/shopee/credentials?env=live",
        {
          partner_id: SANDBOX_PARTNER.partner_id,
          partner_key: SANDBOX_PARTNER.partner_key,
          push_partner_key: SANDBOX_PARTNER.push_partner_key,
          shop_id: LIVE_SHOP_ID,
          api_base_url: sandbox.url,
        },
        options
      )
      expect(created.status).toBe(200)
      const { code } = await control(sandbox, "POST", "/_control/auth_code", {
        partner_id: SANDBOX_PARTNER.partner_id,
        shop_id: LIVE_SHOP_ID,
      })
      const callback = await api.get(`/connectors/shopee/oauth/callback/live?code=${code}&shop_id=${LIVE_SHOP_ID}`, {
        maxRedirects: 0,
        validateStatus: () => true,
      })
      expect(String(callback.headers.location)).toContain("status=ok")
      await importCatalogue(getContainer(), "sandbox")
      await importCatalogue(getContainer(), "live")
      await setStock("sandbox", { mode: "mirror" })
      await setStock("live", { mode: "mirror" })

      await sellInStore(api, getContainer(), CHARIZARD)
      await waitFor(async () => (await shopeeStock(CHARIZARD)) === 0, 30_000)
      await waitForMarksFlushed().catch(() => undefined)
      expect(await shopeeStock(CHARIZARD, LIVE_SHOP_ID)).toBe(3)
      expect((await updateStockCalls()).map((entry) => entry.shop_id)).toEqual([SANDBOX_SHOP_ID])
      expect((await startRun("live", "full")).data.message).toBe(
        "This instance serves sandbox: a resync writes only to its shop. Ask for a dry run of live instead."
      )

      expect((await api.post("/admin/shopee/active-environment", { environment: "live" }, options)).status).toBe(200)
      await control(sandbox, "DELETE", "/_control/requests")
      const live = await startRun("live", "full")
      expect(live.data.run).toMatchObject({ environment: "live", status: "succeeded", written: 2 })
      expect([await shopeeStock(CHARIZARD, LIVE_SHOP_ID), await shopeeStock(BOOSTER, LIVE_SHOP_ID)]).toEqual([0, 12])
      expect(new Set((await updateStockCalls()).map((entry) => entry.shop_id))).toEqual(new Set([LIVE_SHOP_ID]))
      expect(await shopeeStock(BOOSTER)).toBe(50)
    })
  },
})
