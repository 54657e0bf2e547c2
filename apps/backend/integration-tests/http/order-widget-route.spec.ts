import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { adminHeaders } from "../helpers/admin-session"

jest.setTimeout(120 * 1000)

/** The generated service methods this test calls; the plugin ships no declarations. */
type ShopeeSyncService = {
  createShopeeOrderSyncs(data: Record<string, unknown>): Promise<{ id: string }>
}

medusaIntegrationTestRunner({
  inApp: true,
  env: { SHOPEE_ENCRYPTION_KEY: "ef".repeat(32) },
  testSuite: ({ api, getContainer }) => {
    let options: Awaited<ReturnType<typeof adminHeaders>>
    const shopee = () => getContainer().resolve<ShopeeSyncService>("shopee")

    beforeEach(async () => {
      options = await adminHeaders(api, getContainer())
    })

    describe("GET /admin/shopee/orders/by-order/:order_id", () => {
      it("answers the Shopee side of an order imported from Shopee", async () => {
        const created = await shopee().createShopeeOrderSyncs({
          environment: "live",
          order_sn: "251120WIDGET01",
          shop_id: "880123",
          order_id: "order_widget_imported",
          state: "imported",
          shopee_status: "SHIPPED",
          tracking_number: "SPXSG0001234",
          paid: true,
          last_synced_at: new Date("2026-11-20T08:00:00Z"),
        })
        // Another order's row is not this order's.
        await shopee().createShopeeOrderSyncs({
          environment: "sandbox",
          order_sn: "251120WIDGET02",
          shop_id: "700001",
          order_id: "order_widget_other",
          state: "imported",
        })

        const response = await api.get("/admin/shopee/orders/by-order/order_widget_imported", options)
        expect(response.status).toEqual(200)
        expect(response.data.shopee_order).toMatchObject({
          id: created.id,
          environment: "live",
          order_sn: "251120WIDGET01",
          shop_id: "880123",
          order_id: "order_widget_imported",
          shopee_status: "SHIPPED",
          tracking_number: "SPXSG0001234",
          paid: true,
        })
        expect(new Date(response.data.shopee_order.last_synced_at).toISOString()).toEqual("2026-11-20T08:00:00.000Z")
      })

      it("answers null for an order that did not come from Shopee", async () => {
        const response = await api.get("/admin/shopee/orders/by-order/order_not_from_shopee", options)
        expect(response.status).toEqual(200)
        expect(response.data).toEqual({ shopee_order: null, label: null })
      })

      it("is for admins only", async () => {
        const response = await api.get("/admin/shopee/orders/by-order/order_widget_imported", { validateStatus: () => true })
        expect(response.status).toEqual(401)
      })
    })
  },
})
