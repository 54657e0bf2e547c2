import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { SHOPEE_MODULE } from ".."
import { ShopeeActiveEnvironment } from "../models/shopee-active-environment"
import ShopeeModuleService from "../service"

jest.setTimeout(60 * 1000)

moduleIntegrationTestRunner<ShopeeModuleService>({
  moduleName: SHOPEE_MODULE,
  moduleModels: [ShopeeActiveEnvironment],
  resolve: "./src/modules/shopee",
  testSuite: ({ service }) => {
    describe("the active environment", () => {
      it("is sandbox on a fresh database, without anyone creating the row", async () => {
        expect(await service.getActiveEnvironment()).toEqual("sandbox")
      })

      it("exists exactly once", async () => {
        const rows = await service.listShopeeActiveEnvironments()
        expect(rows).toHaveLength(1)
      })
    })
  },
})
