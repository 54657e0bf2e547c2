import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { DEMO_PRODUCTS, SHOPEE_SALES_CHANNEL } from "../../src/demo/demo-catalogue"
import { seedDemoStore } from "../../src/demo/seed-demo-store"
import { configureDemoProfile, DEMO_ACTOR } from "../../src/demo/configure-demo-profile"

jest.setTimeout(120 * 1000)

medusaIntegrationTestRunner({
  inApp: true,
  // As `npm start` does: the server allows its simulator as an API base URL.
  env: { SHOPEE_ENCRYPTION_KEY: "56".repeat(32), SHOPEE_ALLOWED_API_BASE_URLS: "http://127.0.0.1:9100" },
  testSuite: ({ getContainer }) => {
    describe("the demo store seed", () => {
      it("creates the Shopee channel, a region, a stock location and SKU'd products with stock, once", async () => {
        const container = getContainer()
        expect(await seedDemoStore(container)).toEqual({ seeded: true })

        const salesChannels = await container.resolve(Modules.SALES_CHANNEL).listSalesChannels({ name: SHOPEE_SALES_CHANNEL })
        expect(salesChannels).toHaveLength(1)
        const [region] = await container.resolve(Modules.REGION).listRegions({})
        expect(region.currency_code).toEqual("sgd")

        const query = container.resolve(ContainerRegistrationKeys.QUERY)
        const { data: items } = await query.graph({
          entity: "inventory_item",
          fields: ["sku", "location_levels.stocked_quantity"],
        })
        const expected = DEMO_PRODUCTS.flatMap((product) => product.variants).map((variant) => ({
          sku: variant.sku,
          stock: variant.stock,
        }))
        const actual = items.map((item) => ({
          sku: item.sku,
          stock: item.location_levels?.[0]?.stocked_quantity,
        }))
        expect(actual).toEqual(expect.arrayContaining(expected))
        expect(actual).toHaveLength(expected.length)

        expect(await seedDemoStore(container)).toEqual({ seeded: false })
        const { data: again } = await query.graph({ entity: "product", fields: ["id"] })
        expect(again).toHaveLength(DEMO_PRODUCTS.length)
      })

      it("points an empty sandbox profile at npm start's simulator, and leaves a filled-in one alone", async () => {
        const container = getContainer()
        const sandbox = {
          url: "http://127.0.0.1:9100",
          shop_id: 600001,
          partner_id: 2000001,
          partner_key: "k".repeat(40),
          push_partner_key: "p".repeat(40),
        }
        expect(await configureDemoProfile(container, sandbox)).toBe(true)
        const shopee = container.resolve<{ getActiveProfile(env: string): Promise<Record<string, unknown>> }>("shopee")
        expect(await shopee.getActiveProfile("sandbox")).toMatchObject({
          name: "Shopee sandbox simulator",
          partner_id: 2000001,
          shop_id: 600001,
          api_base_url: "http://127.0.0.1:9100",
          partner_key: "kkkk…kkkk·len40",
          complete: true,
        })
        // The simulator's shop is armed in Mirror, recorded as the demo's doing.
        const stock = container.resolve<{ getStockSetting(env: string): Promise<Record<string, unknown>> }>("shopee")
        expect(await stock.getStockSetting("sandbox")).toMatchObject({ mode: "mirror", mode_changed_by: DEMO_ACTOR })
        expect(await stock.getStockSetting("live")).toMatchObject({ mode: "off" })
        expect(await configureDemoProfile(container, { ...sandbox, partner_id: 1 })).toBe(false)
        expect((await shopee.getActiveProfile("sandbox")).partner_id).toEqual(2000001)
      })
    })
  },
})
