import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { adminHeaders } from "../helpers/admin-session"

// medusa-config.ts reads the pin when it is loaded, before the runner applies its `env`.
process.env.SHOPEE_PINNED_ENVIRONMENT = "live"

jest.setTimeout(120 * 1000)

medusaIntegrationTestRunner({
  inApp: true,
  env: { SHOPEE_ENCRYPTION_KEY: "ab".repeat(32) },
  testSuite: ({ api, getContainer }) => {
    describe("an instance pinned to live", () => {
      it("serves live, shows the pin in its reads, and answers a switch with 409 and the reason", async () => {
        const options = await adminHeaders(api, getContainer())

        const read = await api.get("/admin/shopee/active-environment", options)
        expect(read.data).toMatchObject({ active_environment: "live", pinned_environment: "live" })
        const credentials = await api.get("/admin/shopee/credentials?env=sandbox", options)
        expect(credentials.data).toMatchObject({ active_environment: "live", pinned_environment: "live" })

        const refused = await api.post("/admin/shopee/active-environment", { environment: "sandbox" }, options)
        expect(refused.status).toEqual(409)
        expect(refused.data.message).toEqual(
          "This instance is pinned to live by the plugin option pinned_environment; it cannot switch environments."
        )
        expect((await api.get("/admin/shopee/active-environment", options)).data.active_environment).toEqual("live")
      })
    })
  },
})
