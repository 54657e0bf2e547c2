import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { SANDBOX_SHOP_ID } from "../helpers/sandbox"
import { control, resetAndConnect, sandboxItemId, startOrderSandbox, type Sandbox } from "../helpers/connected-shop"
import { sellInStore } from "../helpers/store-sale"
import { addCards, importCatalogue } from "../helpers/stock-shop"
import { waitFor } from "../helpers/wait-for"

jest.setTimeout(300 * 1000)

/** The demo store's one-of-a-kind card; the simulator lists it at 3 until the first resync writes 1. */
const CHARIZARD = "PKM-BS-004-PSA8"
const TWO_COPIES = "RACE-TWO-COPIES"
const UPDATE_STOCK = "/api/v2/product/update_stock"

type UpdateStockRequest = { seq: number; body: { item_id: number; stock_list: { model_id: number; seller_stock: { stock: number }[] }[] } }

/**
 * The race the absolute-write guard exists for (absolute-write-guard.ts): a Shopee buyer's
 * order whose push has not arrived yet, while the store sells the same card. The simulator
 * holds the order's pushes back, so Medusa cannot know of it until they are released.
 */
medusaIntegrationTestRunner({
  inApp: true,
  env: { SHOPEE_ENCRYPTION_KEY: "57".repeat(32) },
  testSuite: ({ api, getContainer }) => {
    let sandbox: Sandbox
    let options: Awaited<ReturnType<typeof resetAndConnect>>
    const sql = () => getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)

    const startRun = (kind: "full" | "dry_run") => api.post("/admin/shopee/stock/runs?env=sandbox", { kind }, options)
    const shopeeStock = async (sku: string) => {
      const item = await sandboxItemId(sandbox, sku)
      return (await control<{ models: { stock: number }[] }>(sandbox, "GET", `/_control/items/${item}/stock`)).models[0].stock
    }
    /** Every value update_stock set for an item, in order, with the request's place in the log. */
    const valuesWritten = async (itemId: number) =>
      (await control<UpdateStockRequest[]>(sandbox, "GET", `/_control/requests?path=${UPDATE_STOCK}`))
        .filter((request) => request.body.item_id === itemId)
        .flatMap((request) => request.body.stock_list.map((entry) => ({ seq: request.seq, stock: entry.seller_stock[0].stock })))
    const lastRequestSeq = async () => {
      const log = await control<{ seq: number }[]>(sandbox, "GET", "/_control/requests")
      return log.length ? log[log.length - 1].seq : 0
    }
    const markCount = async () => Number((await sql()("shopee_stock_dirty_mark").count({ count: "*" }))[0].count)
    /** The fast path took every mark: a mark appeared (it waits a quiet spell first), then none is left. */
    const waitForMarksFlushed = async () => {
      await waitFor(async () => (await markCount()) > 0, 30_000)
      await waitFor(async () => (await markCount()) === 0, 30_000)
    }
    const latestRunFinished = async () =>
      waitFor(async () => {
        const [run] = await sql()("shopee_stock_run").orderBy("created_at", "desc").limit(1)
        return run?.finished_at ? run : undefined
      }, 30_000)
    const shopeeOrder = async (sku: string) =>
      control<{ order_sn: string }>(sandbox, "POST", "/_control/orders", {
        shop_id: SANDBOX_SHOP_ID,
        items: [{ item_id: await sandboxItemId(sandbox, sku), quantity: 1 }],
        status: "READY_TO_SHIP",
        hold_pushes: true,
      })
    const importedOrder = (orderSn: string) =>
      waitFor(async () => (await sql()("shopee_order_sync").where({ order_sn: orderSn }).whereIn("state", ["imported"]))[0], 30_000)

    beforeAll(async () => {
      sandbox = await startOrderSandbox()
    })
    afterAll(async () => {
      await sandbox.close()
    })
    beforeEach(async () => {
      options = await resetAndConnect(api, getContainer(), sandbox)
    })

    it("two copies: a Shopee buyer takes one (push held) while the store sells the other; Shopee goes to 0, never back to 1, and stays 0 once the order imports", async () => {
      await addCards(getContainer(), sandbox, [TWO_COPIES], 2, 2)
      await importCatalogue(getContainer())
      expect((await api.post("/admin/shopee/stock/settings?env=sandbox", { mode: "mirror" }, options)).status).toBe(200)
      const resync = await startRun("full")
      expect(resync.data.run.status).toBe("succeeded")
      const itemId = await sandboxItemId(sandbox, TWO_COPIES)
      expect(resync.data.rows.find((row: { item_id: string }) => Number(row.item_id) === itemId)).toMatchObject({
        shopee_before: 2,
        target: 2,
        action: "none",
      })

      const order = await shopeeOrder(TWO_COPIES)
      expect(await shopeeStock(TWO_COPIES)).toBe(1)
      const afterShopeeOrder = await lastRequestSeq()

      await sellInStore(api, getContainer(), TWO_COPIES)
      await waitForMarksFlushed()
      const fast = await latestRunFinished()
      expect(fast).toMatchObject({ trigger: "fast", status: "succeeded" })
      const [row] = await sql()("shopee_stock_run_row").where({ run_id: fast.id, item_id: String(itemId) })
      expect(row).toMatchObject({ shopee_before: 1, action: "write", sent: 0, result: "written", pending_shopee_sales: 1 })
      expect(await shopeeStock(TWO_COPIES)).toBe(0)
      // Not one update_stock after the Shopee order gave the sold unit back.
      const written = (await valuesWritten(itemId)).filter((entry) => entry.seq > afterShopeeOrder)
      expect(written.map((entry) => entry.stock)).toEqual([0])

      // The held push arrives: the order imports, Medusa counts it, and Shopee stays at 0.
      await control(sandbox, "POST", "/_control/pushes/release", { order_sn: order.order_sn })
      await importedOrder(order.order_sn)
      await waitForMarksFlushed()
      expect(await shopeeStock(TWO_COPIES)).toBe(0)
      const again = await startRun("full")
      expect(again.data.rows.find((entry: { item_id: string }) => Number(entry.item_id) === itemId)).toMatchObject({
        shopee_before: 0,
        target: 0,
        action: "none",
      })
      expect((await valuesWritten(itemId)).filter((entry) => entry.seq > afterShopeeOrder).some((entry) => entry.stock > 0)).toBe(false)
      expect(await sql()("connector_exception").whereIn("kind", ["oversell", "stock_oversell_suspected"])).toEqual([])
    })

    it("a Shopee cancellation read before Medusa imports it: Shopee gets the unit back once it is imported, and keeps it", async () => {
      await addCards(getContainer(), sandbox, [TWO_COPIES], 2, 2)
      await importCatalogue(getContainer())
      expect((await api.post("/admin/shopee/stock/settings?env=sandbox", { mode: "mirror" }, options)).status).toBe(200)
      expect((await startRun("full")).data.run.status).toBe("succeeded")
      const order = await shopeeOrder(TWO_COPIES)
      await control(sandbox, "POST", "/_control/pushes/release", { order_sn: order.order_sn })
      await importedOrder(order.order_sn)
      expect(await shopeeStock(TWO_COPIES)).toBe(1)

      // Shopee cancels the order and gives the unit back; its push is held, so Medusa still holds
      // the unit when a resync reads both sides.
      await control(sandbox, "POST", "/_control/pushes/hold", { order_sn: order.order_sn })
      await control(sandbox, "POST", `/_control/orders/${order.order_sn}/cancel`, { reason: "buyer changed mind" })
      expect(await shopeeStock(TWO_COPIES)).toBe(2)
      expect((await startRun("full")).data.run.status).toBe("succeeded")

      // The cancellation arrives: Medusa releases the unit, and Shopee ends with both copies,
      // also after a later resync (no Shopee sale is left counted as pending).
      await control(sandbox, "POST", "/_control/pushes/release", { order_sn: order.order_sn })
      await waitFor(
        async () => (await sql()("shopee_order_sync").where({ order_sn: order.order_sn, shopee_status: "CANCELLED" }))[0],
        30_000
      )
      await waitFor(async () => ((await shopeeStock(TWO_COPIES)) === 2 ? true : undefined), 30_000)
      const itemId = await sandboxItemId(sandbox, TWO_COPIES)
      const later = await startRun("full")
      expect(later.data.rows.find((row: { item_id: string }) => Number(row.item_id) === itemId)).toMatchObject({
        shopee_before: 2,
        target: 2,
        action: "none",
      })
    })

    it("the very last copy sold in both channels: the oversell is raised and Shopee shows 0", async () => {
      await importCatalogue(getContainer())
      await api.post("/admin/shopee/stock/settings?env=sandbox", { mode: "mirror" }, options)
      expect((await startRun("full")).data.run).toMatchObject({ status: "succeeded" })
      expect(await shopeeStock(CHARIZARD)).toBe(1)

      const order = await shopeeOrder(CHARIZARD)
      expect(await shopeeStock(CHARIZARD)).toBe(0)
      const afterShopeeOrder = await lastRequestSeq()
      await sellInStore(api, getContainer(), CHARIZARD)
      await waitForMarksFlushed()
      await latestRunFinished()
      const [suspected] = await waitFor(async () => {
        const rows = await sql()("connector_exception").where({ kind: "stock_oversell_suspected" })
        return rows.length ? rows : undefined
      }, 30_000)
      expect(suspected.message).toMatch(/oversold by 1/)
      expect(await shopeeStock(CHARIZARD)).toBe(0)

      await control(sandbox, "POST", "/_control/pushes/release", { order_sn: order.order_sn })
      await waitFor(
        async () => (await sql()("shopee_order_sync").where({ order_sn: order.order_sn }).whereIn("state", ["imported", "held"]))[0],
        30_000
      )
      await waitFor(async () => (await sql()("connector_exception").where({ kind: "oversell" }))[0], 30_000)
      expect(await shopeeStock(CHARIZARD)).toBe(0)
      const itemId = await sandboxItemId(sandbox, CHARIZARD)
      expect((await valuesWritten(itemId)).filter((entry) => entry.seq > afterShopeeOrder).some((entry) => entry.stock > 0)).toBe(false)
    })
  },
})
