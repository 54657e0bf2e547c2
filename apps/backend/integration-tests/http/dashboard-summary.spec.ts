import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { adminHeaders } from "../helpers/admin-session"

jest.setTimeout(120 * 1000)

let sequence = 0
const row = (fields: Record<string, unknown>) => {
  sequence += 1
  const created = new Date(Date.parse("2026-11-01T00:00:00Z") + sequence * 1000)
  return { created_at: created, updated_at: created, ...fields }
}
const syncRow = (environment: string, shopee_status: string | null) =>
  row({
    id: `shord_sum${sequence}`,
    environment,
    order_sn: `SUM${sequence}`,
    shop_id: "700001",
    state: "claimed",
    shopee_status,
    paid: false,
  })
const exceptionRow = (environment: string | null, status: string) =>
  row({ id: `shexc_sum${sequence}`, environment, kind: "unknown_sku", message: "x", status, attempts: 0 })
const eventRow = (environment: string, status: string) =>
  row({
    id: `shevt_sum${sequence}`,
    environment,
    path: "/",
    raw_body: "{}",
    code: 3,
    signature_ok: true,
    status,
    processed: false,
    attempts: 0,
  })

medusaIntegrationTestRunner({
  inApp: true,
  env: { SHOPEE_ENCRYPTION_KEY: "ab".repeat(32) },
  testSuite: ({ api, getContainer }) => {
    let options: Awaited<ReturnType<typeof adminHeaders>>
    const sql = () => getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
    const summary = async (search = "") => {
      const response = await api.get(`/admin/dashboard/summary${search}`, options)
      expect(response.status).toEqual(200)
      return response.data
    }

    /**
     * Sandbox: 3 orders, 2 open exceptions (plus one resolved), 2 unprocessed events (plus one processed).
     * Live: 2 orders (one not yet fetched), 1 open exception, 1 unprocessed event.
     * No environment (from before environments existed): 1 open exception.
     */
    const seedShopeeRows = async () => {
      await sql()("shopee_order_sync").insert([
        syncRow("sandbox", "READY_TO_SHIP"),
        syncRow("sandbox", "READY_TO_SHIP"),
        syncRow("sandbox", "COMPLETED"),
        syncRow("live", "UNPAID"),
        syncRow("live", null),
      ])
      await sql()("connector_exception").insert([
        exceptionRow("sandbox", "open"),
        exceptionRow("sandbox", "retrying"),
        exceptionRow("sandbox", "resolved"),
        exceptionRow("live", "open"),
        exceptionRow(null, "open"),
      ])
      await sql()("shopee_raw_event").insert([
        eventRow("sandbox", "pending"),
        eventRow("sandbox", "failed"),
        eventRow("sandbox", "processed"),
        eventRow("live", "pending"),
        eventRow("live", "duplicate"),
      ])
    }

    const SANDBOX_COUNTS = {
      orders: { total: 3, by_status: { READY_TO_SHIP: 2, COMPLETED: 1 }, without_status: 0 },
      open_exceptions: 2,
      unprocessed_events: 2,
    }
    const LIVE_COUNTS = {
      orders: { total: 2, by_status: { UNPAID: 1 }, without_status: 1 },
      open_exceptions: 1,
      unprocessed_events: 1,
    }

    /**
     * Available over all locations: a tin 1 (5 stocked, 4 reserved), a binder 4 (1 + 3 at two
     * locations), a sleeve pack 0 (2 stocked, 2 reserved); a playmat stocked nowhere.
     */
    const seedInventory = async () => {
      const container = getContainer()
      const locations = container.resolve(Modules.STOCK_LOCATION)
      const inventory = container.resolve(Modules.INVENTORY)
      const [north, south] = await locations.createStockLocations([{ name: "North" }, { name: "South" }])
      const [tin, binder, sleeves] = await inventory.createInventoryItems([
        { sku: "TIN" },
        { sku: "BINDER" },
        { sku: "SLEEVES" },
        { sku: "PLAYMAT" },
      ])
      await inventory.createInventoryLevels([
        { inventory_item_id: tin.id, location_id: north.id, stocked_quantity: 5 },
        { inventory_item_id: binder.id, location_id: north.id, stocked_quantity: 1 },
        { inventory_item_id: binder.id, location_id: south.id, stocked_quantity: 3 },
        { inventory_item_id: sleeves.id, location_id: south.id, stocked_quantity: 2 },
      ])
      await inventory.createReservationItems([
        { inventory_item_id: tin.id, location_id: north.id, quantity: 4 },
        { inventory_item_id: sleeves.id, location_id: south.id, quantity: 2 },
      ])
    }

    beforeEach(async () => {
      options = await adminHeaders(api, getContainer())
    })

    it("counts the active environment by default and says so", async () => {
      await seedShopeeRows()
      const sandbox = await summary()
      expect(sandbox).toMatchObject({ active_environment: "sandbox", env_filter: "sandbox", ...SANDBOX_COUNTS })
      expect(sandbox.orders.by_status).toEqual(SANDBOX_COUNTS.orders.by_status)

      await sql()("shopee_active_environment").update({ environment: "live" })
      const live = await summary()
      expect(live).toMatchObject({ active_environment: "live", env_filter: "live", ...LIVE_COUNTS })
      expect(live.orders.by_status).toEqual(LIVE_COUNTS.orders.by_status)
    })

    it("env=all totals every environment, rows without an environment included", async () => {
      await seedShopeeRows()
      const all = await summary("?env=all")
      expect(all).toMatchObject({
        active_environment: "sandbox",
        env_filter: "all",
        orders: { total: 5, by_status: { READY_TO_SHIP: 2, COMPLETED: 1, UNPAID: 1 }, without_status: 1 },
        open_exceptions: 4,
        unprocessed_events: 3,
      })
    })

    it("env=live or env=sandbox overrides the active environment", async () => {
      await seedShopeeRows()
      const live = await summary("?env=live")
      expect(live).toMatchObject({ active_environment: "sandbox", env_filter: "live", ...LIVE_COUNTS })
      await sql()("shopee_active_environment").update({ environment: "live" })
      const sandbox = await summary("?env=sandbox")
      expect(sandbox).toMatchObject({ active_environment: "live", env_filter: "sandbox", ...SANDBOX_COUNTS })
    })

    it("answers zeros on an empty store", async () => {
      expect(await summary()).toEqual({
        active_environment: "sandbox",
        env_filter: "sandbox",
        orders: { total: 0, by_status: {}, without_status: 0 },
        open_exceptions: 0,
        unprocessed_events: 0,
        low_stock_items: 0,
        low_stock_threshold: 1,
        rejected_pushes: { stored: 0, bytes: 0, refused: 0, retention_days: 30 },
      })
    })

    it("counts low-stock items over all locations, the same whatever the environment filter", async () => {
      await seedInventory()
      for (const search of ["", "?env=sandbox", "?env=live", "?env=all"]) {
        const answer = await summary(search)
        // The tin (1 available) and the sleeves (0); not the binder (4 over two locations), not the playmat (stocked nowhere).
        expect([search, answer.low_stock_items, answer.low_stock_threshold]).toEqual([search, 2, 1])
      }
    })

    it("takes the threshold from the plugin option low_stock_threshold", async () => {
      await seedInventory()
      const config = getContainer().resolve(ContainerRegistrationKeys.CONFIG_MODULE)
      const shopeeOptions = (config.modules?.shopee as { options: Record<string, unknown> }).options
      shopeeOptions.low_stock_threshold = 4
      try {
        expect(await summary()).toMatchObject({ low_stock_items: 3, low_stock_threshold: 4 })
      } finally {
        delete shopeeOptions.low_stock_threshold
      }
      expect(await summary()).toMatchObject({ low_stock_items: 2, low_stock_threshold: 1 })
    })

    it.each([
      ["env=staging", "env"],
      ["env=", "env"],
      ["scope=all", "scope"],
    ])("refuses %s with a 400 naming the parameter", async (search, parameter) => {
      const response = await api.get(`/admin/dashboard/summary?${search}`, options)
      expect(response.status).toEqual(400)
      expect(response.data.message).toContain(parameter)
    })

    it("needs an admin session", async () => {
      const response = await api.get("/admin/dashboard/summary", { validateStatus: () => true })
      expect(response.status).toEqual(401)
    })
  },
})
