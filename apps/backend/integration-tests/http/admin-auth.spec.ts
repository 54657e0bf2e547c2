import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ensureAdminUser } from "../../src/demo/ensure-admin-user"

jest.setTimeout(120 * 1000)

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    describe("the Medusa app with the Shopee plugin", () => {
      it("serves /health", async () => {
        const response = await api.get("/health")
        expect(response.status).toEqual(200)
      })

      it("answers 404 on the benchmark's baseline route unless a benchmark started the server", async () => {
        const refused = await api.post("/bench/ping", undefined, { validateStatus: () => true })
        expect(refused.status).toEqual(404)
        process.env.SHOPEE_BENCH_ROUTES = "on"
        try {
          const answered = await api.post("/bench/ping", undefined, { validateStatus: () => true })
          expect(answered.status).toEqual(200)
        } finally {
          delete process.env.SHOPEE_BENCH_ROUTES
        }
      })

      it("refuses the plugin's admin route without a session", async () => {
        const response = await api.get("/admin/shopee/active-environment", { validateStatus: () => true })
        expect(response.status).toEqual(401)
      })

      it("lets the admin user that npm start prints log in, once, and call the plugin's admin route", async () => {
        const admin = await ensureAdminUser(getContainer(), { email: "operator@example.com" })
        expect(admin.created).toBe(true)
        if (!admin.created) return

        const login = await api.post("/auth/user/emailpass", { email: admin.email, password: admin.password })
        expect(login.status).toEqual(200)
        const headers = { authorization: `Bearer ${login.data.token}` }

        const me = await api.get("/admin/users/me", { headers })
        expect(me.data.user.email).toEqual(admin.email)

        const response = await api.get("/admin/shopee/active-environment", { headers })
        expect(response.status).toEqual(200)
        expect(response.data).toMatchObject({ active_environment: "sandbox" })

        // A second start neither creates the user again nor hands out its password again.
        const again = await ensureAdminUser(getContainer(), { email: admin.email })
        expect(again).toEqual({ created: false, email: admin.email })

        const wrong = await api.post(
          "/auth/user/emailpass",
          { email: admin.email, password: "not-the-password" },
          { validateStatus: () => true }
        )
        expect(wrong.status).toEqual(401)
      })
    })
  },
})
