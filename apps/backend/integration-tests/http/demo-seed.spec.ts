import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { DEMO_PRODUCTS, SHOPEE_SALES_CHANNEL } from "../../src/demo/demo-catalogue"
import { seedDemoStore } from "../../src/demo/seed-demo-store"

jest.setTimeout(120 * 1000)

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
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
    })
  },
})
