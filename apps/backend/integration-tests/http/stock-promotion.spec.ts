import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { control, resetAndConnect, sandboxItemId, startOrderSandbox, type Sandbox } from "../helpers/connected-shop"
import { sellInStore } from "../helpers/store-sale"
import { importCatalogue } from "../helpers/stock-shop"
import { waitFor } from "../helpers/wait-for"

jest.setTimeout(300 * 1000)

/** The demo store has 12 booster boxes; the simulator lists 50 until the writer runs. */
const BOOSTER = "PKM-SV1-BB"
const UPDATE_STOCK = "/api/v2/product/update_stock"

type UpdateStockRequest = { seq: number; body: { item_id: number; stock_list: { model_id: number; seller_stock: { stock: number }[] }[] } }
type RunRow = {
  item_id: string
  action: string
  target: number | null
  sent: number | null
  result: string | null
  failure_level: string | null
  failure_reason: string | null
  failure_detail: string | null
  reason: string
}

/**
 * A Shopee promotion holds part of a model's stock: Shopee refuses update_stock below that
 * reserve, and refuses any change at all while a promotion that locks stock runs. The writer
 * must read that as "locked by promotion" (an item failure that does not trip the breaker), hold
 * the model until the promotion ends, and never aim below the reserve.
 */
medusaIntegrationTestRunner({
  inApp: true,
  env: { SHOPEE_ENCRYPTION_KEY: "58".repeat(32) },
  testSuite: ({ api, getContainer }) => {
    let sandbox: Sandbox
    let options: Awaited<ReturnType<typeof resetAndConnect>>
    const sql = () => getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)

    const resync = async () =>
      (await api.post("/admin/shopee/stock/runs?env=sandbox", { kind: "full" }, options)).data as {
        run: Record<string, unknown>
        rows: RunRow[]
      }
    const shopeeStock = async (itemId: number) =>
      (await control<{ models: { stock: number; reserved_stock: number }[] }>(sandbox, "GET", `/_control/items/${itemId}/stock`)).models[0]
    const valuesWritten = async (itemId: number) =>
      (await control<UpdateStockRequest[]>(sandbox, "GET", `/_control/requests?path=${UPDATE_STOCK}`))
        .filter((request) => request.body.item_id === itemId)
        .flatMap((request) => request.body.stock_list.map((entry) => entry.seller_stock[0].stock))
    const reserveOnMap = (reserve: number) =>
      waitFor(async () => (await sql()("shopee_product_map").where({ sku: BOOSTER }))[0].reserved_stock === reserve || undefined, 30_000)

    beforeAll(async () => {
      sandbox = await startOrderSandbox()
    })
    afterAll(async () => {
      await sandbox.close()
    })
    beforeEach(async () => {
      options = await resetAndConnect(api, getContainer(), sandbox)
    })

    it("a promotion that locks stock: the write is refused as 'locked by promotion', aimed at the reserve, held until the promotion ends, then written", async () => {
      await importCatalogue(getContainer())
      const booster = await sandboxItemId(sandbox, BOOSTER)
      const promotion = await control<{ promotion_id: number }>(sandbox, "POST", "/_control/promotions", {
        item_id: booster,
        models: [{ model_id: 0, reserved_stock: 20 }],
        stock_editable: false,
      })
      await reserveOnMap(20)
      // Armed once the promotion's pushes are handled and their marks taken (while Off), so that
      // the resync below, not the fast path, makes the first write.
      await control(sandbox, "POST", "/_control/pushes/wait_idle")
      await waitFor(
        async () =>
          (await sql()("shopee_raw_event").whereIn("code", [7, 8, 9]).whereNotIn("status", ["processed", "failed", "ignored"])).length ===
            0 || undefined,
        30_000
      )
      await waitFor(async () => Number((await sql()("shopee_stock_dirty_mark").count({ count: "*" }))[0].count) === 0 || undefined, 30_000)
      await api.post("/admin/shopee/stock/settings?env=sandbox", { mode: "mirror" }, options)
      await control(sandbox, "DELETE", "/_control/requests")

      // Medusa has 12; the promotion holds 20 of Shopee's 50: the writer aims at 20, and Shopee refuses any change.
      const refused = await resync()
      const row = refused.rows.find((entry) => Number(entry.item_id) === booster)!
      expect(row).toMatchObject({
        action: "write",
        target: 20,
        sent: 20,
        result: "failed",
        failure_level: "item",
        failure_reason: "locked by promotion",
      })
      expect(row.failure_detail).toMatch(/under promotion/)
      expect(refused.run).toMatchObject({ status: "partial", written: 1, failed: 1 })
      expect(await shopeeStock(booster)).toMatchObject({ stock: 50, reserved_stock: 20 })
      const { data: state } = await api.get("/admin/shopee/stock?env=sandbox", options)
      expect(state.setting.breaker).toMatchObject({ disarmed: false, consecutive_system_failures: 0 })

      // Held while the promotion runs: no second refused write.
      const held = await resync()
      expect(held.rows.find((entry) => Number(entry.item_id) === booster)).toMatchObject({
        action: "hold",
        reason: expect.stringMatching(/^locked by promotion/),
      })
      expect(await valuesWritten(booster)).toEqual([20])

      // The promotion ends (push 7 promo_end): the lock is lifted and the fast path writes Medusa's 12.
      await control(sandbox, "POST", `/_control/promotions/${promotion.promotion_id}/end`, {})
      await reserveOnMap(0)
      await waitFor(async () => (await shopeeStock(booster)).stock === 12 || undefined, 30_000)
      expect(await valuesWritten(booster)).toEqual([20, 12])
    })

    it("a promotion that leaves stock editable: the reserve is the floor of every write, however much the store sells", async () => {
      await importCatalogue(getContainer())
      await api.post("/admin/shopee/stock/settings?env=sandbox", { mode: "mirror" }, options)
      const booster = await sandboxItemId(sandbox, BOOSTER)
      expect((await resync()).rows.find((entry) => Number(entry.item_id) === booster)).toMatchObject({ sent: 12, result: "written" })

      await control(sandbox, "POST", "/_control/promotions", { item_id: booster, models: [{ model_id: 0, reserved_stock: 10 }] })
      await reserveOnMap(10)
      await control(sandbox, "DELETE", "/_control/requests")

      // The store sells 5 of the 12: Medusa has 7, but Shopee holds 10 for the promotion; 10 is the lowest the writer sends.
      await sellInStore(api, getContainer(), BOOSTER, 5)
      await waitFor(async () => (await shopeeStock(booster)).stock === 10 || undefined, 30_000)
      const dry = (await api.post("/admin/shopee/stock/runs?env=sandbox", { kind: "dry_run" }, options)).data as { rows: RunRow[] }
      expect(dry.rows.find((entry) => Number(entry.item_id) === booster)).toMatchObject({ target: 10, action: "none" })
      expect(await shopeeStock(booster)).toMatchObject({ stock: 10, reserved_stock: 10 })
      const values = await valuesWritten(booster)
      expect(values).toEqual([10])
      expect(Math.min(...values)).toBeGreaterThanOrEqual(10)
    })
  },
})
