import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { adminHeaders } from "../helpers/admin-session"
import { shopeeModule } from "../helpers/shopee-module"
// The plugin's own lock helper: the refresh runs under Medusa's locking module, as in production.
const { lockFor } = require("medusa-plugin-shopee/lib/with-lock")
import { pathOf, SANDBOX_PARTNER, SANDBOX_SHOP_ID, startTestSandbox } from "../helpers/sandbox"

jest.setTimeout(120 * 1000)

const PUBLIC_URL = "https://shop.example.com"

medusaIntegrationTestRunner({
  inApp: true,
  env: { SHOPEE_ENCRYPTION_KEY: "ef".repeat(32), SHOPEE_PUBLIC_URL: PUBLIC_URL },
  testSuite: ({ api, getContainer }) => {
    let sandbox: Awaited<ReturnType<typeof startTestSandbox>>
    let options: Awaited<ReturnType<typeof adminHeaders>>
    const sql = () => getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
    const callback = (path: string, cookie?: string) =>
      api.get(path, { maxRedirects: 0, validateStatus: () => true, headers: cookie ? { cookie } : {} })
    /** The binding cookie `connect` set, as the browser would send it back (`name=value`). */
    const bindingCookieOf = (response: { headers: Record<string, unknown> }) => {
      const cookies = (response.headers["set-cookie"] as string[] | undefined) ?? []
      const cookie = cookies.find((line) => line.startsWith("shopee_oauth_"))
      expect(cookie).toBeTruthy()
      return cookie!.split(";")[0]
    }
    const stateOf = (link: { data: { url: string } }) =>
      new URL(new URL(link.data.url).searchParams.get("redirect")!).searchParams.get("state")!
    const payloadOf = (state: string) => JSON.parse(Buffer.from(state.split(".")[0], "base64url").toString("utf8"))
    /** A fresh code from the simulator, as if the seller approved once more. */
    const newCode = async (shopId = SANDBOX_SHOP_ID) => {
      const response = await fetch(`${sandbox.url}/_control/auth_code`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ partner_id: SANDBOX_PARTNER.partner_id, shop_id: shopId }),
      })
      return ((await response.json()) as { code: string }).code
    }
    const outcomeOf = (response: { status: number; headers: Record<string, unknown> }) => {
      expect(response.status).toEqual(302)
      const location = new URL(String(response.headers.location))
      expect(`${location.origin}${location.pathname}`).toEqual(`${PUBLIC_URL}/app/shopee`)
      return Object.fromEntries(location.searchParams)
    }

    beforeAll(async () => {
      sandbox = await startTestSandbox()
    })
    afterAll(async () => {
      await sandbox.close()
    })

    beforeEach(async () => {
      await fetch(`${sandbox.url}/_control/reset`, { method: "POST" })
      options = await adminHeaders(api, getContainer())
      await api.patch(
        "/admin/shopee/credentials?env=sandbox",
        {
          partner_id: SANDBOX_PARTNER.partner_id,
          partner_key: SANDBOX_PARTNER.partner_key,
          push_partner_key: SANDBOX_PARTNER.push_partner_key,
          shop_id: SANDBOX_SHOP_ID,
          api_base_url: sandbox.url,
        },
        options
      )
    })

    /** The seller's side: open the link, approve on the simulator's page, come back to the callback. */
    async function connectThroughAuthorizationPage(_container: MedusaContainer) {
      const link = await api.post("/admin/shopee/connect?env=sandbox", {}, options)
      expect(link.status).toEqual(200)
      expect(link.data.url.startsWith(`${sandbox.url}/api/v2/shop/auth_partner?`)).toBe(true)
      expect(new URL(link.data.url).searchParams.get("redirect")).toMatch(
        new RegExp(`^${PUBLIC_URL}/connectors/shopee/oauth/callback/sandbox\\?state=`)
      )
      const page = await (await fetch(link.data.url)).text()
      const requestId = /name="request_id" value="([^"]+)"/.exec(page)?.[1]
      expect(requestId).toBeTruthy()
      const approved = await fetch(`${sandbox.url}/console/authorize`, {
        method: "POST",
        redirect: "manual",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ request_id: requestId!, subject: `shop:${SANDBOX_SHOP_ID}` }).toString(),
      })
      expect(approved.status).toEqual(302)
      const back = approved.headers.get("location")!
      expect(back).toContain(`shop_id=${SANDBOX_SHOP_ID}`)
      return outcomeOf(await callback(pathOf(back), bindingCookieOf(link)))
    }

    it("connects a shop through the simulator's authorization page, stores the tokens encrypted, and uses them", async () => {
      expect(await connectThroughAuthorizationPage(getContainer())).toEqual({ env: "sandbox", status: "ok" })

      const [row] = await sql()("shopee_auth_token")
      expect(row).toMatchObject({ environment: "sandbox", shop_id: String(SANDBOX_SHOP_ID) })
      expect(row.access_token_encrypted).toMatch(/^v1:/)
      const issued = await (await fetch(`${sandbox.url}/_control/tokens`)).json()
      const plainTokens = [...issued.access_tokens, ...issued.refresh_tokens].map(
        (token: { token?: string; access_token?: string; refresh_token?: string }) =>
          token.token ?? token.access_token ?? token.refresh_token
      )
      expect(plainTokens.length).toBeGreaterThanOrEqual(2)
      for (const plain of plainTokens) {
        expect(typeof plain).toEqual("string")
        expect(JSON.stringify(row)).not.toContain(plain)
      }

      const credentials = await api.get("/admin/shopee/credentials?env=sandbox", options)
      expect(credentials.data.token).toMatchObject({ state: "connected", shop_id: SANDBOX_SHOP_ID })

      const shopee = shopeeModule(getContainer())
      const { shop } = await shopee.getShopApi("sandbox", (_key, job) => job())
      const now = Math.floor(Date.now() / 1000)
      await expect(
        shop.orders.getOrderList({ time_range_field: "update_time", time_from: now - 3600, time_to: now, page_size: 10 })
      ).resolves.toBeTruthy()
    })

    it("a second authorization replaces the stored tokens: Shopee rotated them, and the shop keeps working", async () => {
      const { refreshExpiringTokens } = require("medusa-plugin-shopee/lib/refresh-expiring-tokens")
      expect(await connectThroughAuthorizationPage(getContainer())).toEqual({ env: "sandbox", status: "ok" })
      const [before] = await sql()("shopee_auth_token")
      expect(await connectThroughAuthorizationPage(getContainer())).toEqual({ env: "sandbox", status: "ok" })
      const rows = await sql()("shopee_auth_token")
      expect(rows).toHaveLength(1)
      expect(rows[0].access_token_encrypted).not.toEqual(before.access_token_encrypted)
      expect(rows[0].refresh_token_encrypted).not.toEqual(before.refresh_token_encrypted)

      const shopee = shopeeModule(getContainer())
      const { shop } = await shopee.getShopApi("sandbox", lockFor(getContainer()))
      const now = Math.floor(Date.now() / 1000)
      await expect(
        shop.orders.getOrderList({ time_range_field: "update_time", time_from: now - 3600, time_to: now, page_size: 10 })
      ).resolves.toBeTruthy()
      // The refresh token stored is the new one: the old one no longer works at the simulator.
      await sql()("shopee_auth_token").update({ access_expires_at: new Date(Date.now() + 10 * 60_000) })
      expect(await refreshExpiringTokens(getContainer())).toEqual({ refreshed: 1, failed: 0 })
    })

    it("20 concurrent calls with an expired access token make exactly one refresh at the simulator", async () => {
      await connectThroughAuthorizationPage(getContainer())
      await sql()("shopee_auth_token").update({ access_expires_at: new Date(Date.now() - 60_000) })
      await fetch(`${sandbox.url}/_control/requests`, { method: "DELETE" })

      const shopee = shopeeModule(getContainer())
      const { shop } = await shopee.getShopApi("sandbox", lockFor(getContainer()))
      const now = Math.floor(Date.now() / 1000)
      await Promise.all(
        Array.from({ length: 20 }, () =>
          shop.orders.getOrderList({ time_range_field: "update_time", time_from: now - 3600, time_to: now, page_size: 10 })
        )
      )
      const refreshes = await (await fetch(`${sandbox.url}/_control/requests?path=/api/v2/auth/access_token/get`)).json()
      expect(refreshes).toHaveLength(1)
      const [row] = await sql()("shopee_auth_token")
      expect(new Date(row.access_expires_at).getTime()).toBeGreaterThan(Date.now() + 3 * 3600 * 1000)
      expect(row.last_refreshed_at).not.toBeNull()
    })

    it("the refresh job renews a token lapsing within 30 minutes, and a refused refresh asks to reconnect", async () => {
      const { refreshExpiringTokens } = require("medusa-plugin-shopee/lib/refresh-expiring-tokens")
      await connectThroughAuthorizationPage(getContainer())
      await sql()("shopee_auth_token").update({ access_expires_at: new Date(Date.now() + 10 * 60_000) })
      expect(await refreshExpiringTokens(getContainer())).toEqual({ refreshed: 1, failed: 0 })
      expect(await refreshExpiringTokens(getContainer())).toEqual({ refreshed: 0, failed: 0 })

      // The seller withdraws the authorization at Shopee: the next refresh is refused.
      await fetch(`${sandbox.url}/_control/deauthorize`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ partner_id: SANDBOX_PARTNER.partner_id, shop_id: SANDBOX_SHOP_ID }),
      })
      await sql()("shopee_auth_token").update({ access_expires_at: new Date(Date.now() + 10 * 60_000) })
      expect(await refreshExpiringTokens(getContainer())).toEqual({ refreshed: 0, failed: 1 })
      const [raised] = await sql()("connector_exception").where({ kind: "token_refresh_failed" })
      expect(raised).toMatchObject({ environment: "sandbox", status: "open", payload_ref: `shop:${SANDBOX_SHOP_ID}` })
      expect(raised.message).toContain("Reconnect the shop")
    })

    describe("the OAuth callback", () => {
      it("answers a code Shopee does not know with invalid_code (Shopee's own answer), so the operator knows to connect again", async () => {
        expect(outcomeOf(await callback("/connectors/shopee/oauth/callback/sandbox?code=fake&shop_id=700001"))).toEqual({
          env: "sandbox",
          status: "error",
          reason: "invalid_code",
        })
        expect(outcomeOf(await callback("/connectors/shopee/oauth/callback/sandbox?code=fake"))).toMatchObject({ reason: "invalid_code" })
      })

      it("answers a code used twice with invalid_code the second time", async () => {
        const code = await newCode()
        const path = `/connectors/shopee/oauth/callback/sandbox?code=${code}&shop_id=${SANDBOX_SHOP_ID}`
        expect(outcomeOf(await callback(path))).toEqual({ env: "sandbox", status: "ok" })
        expect(outcomeOf(await callback(path))).toEqual({ env: "sandbox", status: "error", reason: "invalid_code" })
      })

      it("answers an empty live profile with status=error and not_configured", async () => {
        expect(outcomeOf(await callback("/connectors/shopee/oauth/callback/live?code=fake"))).toEqual({
          env: "live",
          status: "error",
          reason: "not_configured",
        })
      })

      it("names a missing code, a bad environment path and a bad state", async () => {
        expect(outcomeOf(await callback("/connectors/shopee/oauth/callback/sandbox"))).toEqual({
          env: "sandbox",
          status: "error",
          reason: "missing_code",
        })
        expect(outcomeOf(await callback("/connectors/shopee/oauth/callback/garbage?code=x"))).toEqual({
          status: "error",
          reason: "bad_env_path",
        })
        expect(outcomeOf(await callback("/connectors/shopee/oauth/callback/sandbox?code=x&state=forged.state"))).toEqual({
          env: "sandbox",
          status: "error",
          reason: "bad_state",
        })
      })

      it("refuses a state issued for another environment", async () => {
        await api.patch("/admin/shopee/credentials?env=live", { partner_id: 5, partner_key: "k".repeat(32) }, options)
        const link = await api.post("/admin/shopee/connect?env=live", {}, options)
        const state = new URL(new URL(link.data.url).searchParams.get("redirect")!).searchParams.get("state")!
        expect(
          outcomeOf(await callback(`/connectors/shopee/oauth/callback/sandbox?code=x&state=${encodeURIComponent(state)}`))
        ).toMatchObject({
          reason: "bad_state",
        })
      })

      it("links, state and binding cookie expire together, and the state names the admin who asked", async () => {
        const before = Date.now()
        const link = await api.post("/admin/shopee/connect?env=sandbox", {}, options)
        expect(link.status).toEqual(200)
        const payload = payloadOf(stateOf(link))
        expect(new Date(link.data.expires_at).getTime()).toEqual(payload.exp)
        expect(payload.exp - before).toBeGreaterThanOrEqual(10 * 60 * 1000 - 5000)
        expect(payload.exp - before).toBeLessThanOrEqual(10 * 60 * 1000 + 5000)
        const setCookie = ((link.headers["set-cookie"] as string[]) ?? []).find((line) => line.startsWith("shopee_oauth_sandbox="))!
        expect(setCookie).toMatch(/Max-Age=600;/)
        expect(setCookie).toMatch(/HttpOnly/)
        expect(setCookie).toMatch(/SameSite=Lax/)
        expect(setCookie).toMatch(/Path=\/connectors\/shopee\/oauth;/)
        // The browser's secret is in the cookie only, never in the JSON answer.
        expect(JSON.stringify(link.data)).not.toContain(bindingCookieOf(link).split("=")[1])
        const me = await api.get("/admin/users/me", options)
        expect(payload.actor_id).toEqual(me.data.user.id)
      })

      it("a state is single-use: the second callback with it is refused, even with a fresh code", async () => {
        const link = await api.post("/admin/shopee/connect?env=sandbox", {}, options)
        const state = encodeURIComponent(stateOf(link))
        const cookie = bindingCookieOf(link)
        const first = outcomeOf(
          await callback(
            `/connectors/shopee/oauth/callback/sandbox?code=${await newCode()}&shop_id=${SANDBOX_SHOP_ID}&state=${state}`,
            cookie
          )
        )
        expect(first).toEqual({ env: "sandbox", status: "ok" })
        const second = outcomeOf(
          await callback(
            `/connectors/shopee/oauth/callback/sandbox?code=${await newCode()}&shop_id=${SANDBOX_SHOP_ID}&state=${state}`,
            cookie
          )
        )
        expect(second).toEqual({ env: "sandbox", status: "error", reason: "bad_state" })
      })

      it("a state is bound to the browser that asked for it: without its cookie, or with another's, it is refused", async () => {
        const mine = await api.post("/admin/shopee/connect?env=sandbox", {}, options)
        const other = await api.post("/admin/shopee/connect?env=sandbox", {}, options)
        const state = encodeURIComponent(stateOf(mine))
        const path = `/connectors/shopee/oauth/callback/sandbox?code=${await newCode()}&shop_id=${SANDBOX_SHOP_ID}&state=${state}`
        expect(outcomeOf(await callback(path))).toEqual({ env: "sandbox", status: "error", reason: "bad_state" })
        expect(outcomeOf(await callback(path, bindingCookieOf(other)))).toEqual({ env: "sandbox", status: "error", reason: "bad_state" })
        expect(await sql()("shopee_auth_token")).toHaveLength(0)
        // Refused without being spent: the browser that asked can still finish.
        expect(outcomeOf(await callback(path, bindingCookieOf(mine)))).toEqual({ env: "sandbox", status: "ok" })
      })

      it("a repeated state parameter is refused as a bad state, not read as no state", async () => {
        const link = await api.post("/admin/shopee/connect?env=sandbox", {}, options)
        const state = encodeURIComponent(stateOf(link))
        const response = await callback(
          `/connectors/shopee/oauth/callback/sandbox?code=${await newCode()}&shop_id=${SANDBOX_SHOP_ID}&state=${state}&state=${state}`,
          bindingCookieOf(link)
        )
        expect(outcomeOf(response)).toEqual({ env: "sandbox", status: "error", reason: "bad_state" })
        expect(await sql()("shopee_auth_token")).toHaveLength(0)
      })

      it("a callback without a state never adds a shop nor changes a profile's shop", async () => {
        // The live profile has partner credentials but no shop yet; a stranger brings a code for their shop.
        await api.patch(
          "/admin/shopee/credentials?env=live",
          { partner_id: SANDBOX_PARTNER.partner_id, partner_key: SANDBOX_PARTNER.partner_key, api_base_url: sandbox.url },
          options
        )
        const live = outcomeOf(await callback(`/connectors/shopee/oauth/callback/live?code=${await newCode()}&shop_id=${SANDBOX_SHOP_ID}`))
        expect(live).toEqual({ env: "live", status: "error", reason: "missing_state" })
        const profile = await api.get("/admin/shopee/credentials?env=live", options)
        expect(profile.data.profile.shop_id).toBeNull()
        expect(profile.data.token.state).toEqual("none")

        // The sandbox profile names shop 700001: a stateless callback for another shop is refused too.
        const other = outcomeOf(await callback(`/connectors/shopee/oauth/callback/sandbox?code=${await newCode()}&shop_id=800002`))
        expect(other).toEqual({ env: "sandbox", status: "error", reason: "missing_state" })
        expect(await sql()("shopee_auth_token")).toHaveLength(0)
        expect((await api.get("/admin/shopee/credentials?env=sandbox", options)).data.profile.shop_id).toEqual(SANDBOX_SHOP_ID)

        // One started from Shopee's console for the profile's own shop renews its tokens.
        const own = outcomeOf(
          await callback(`/connectors/shopee/oauth/callback/sandbox?code=${await newCode()}&shop_id=${SANDBOX_SHOP_ID}`)
        )
        expect(own).toEqual({ env: "sandbox", status: "ok" })
      })

      it("reads a shop id as plain digits only", async () => {
        expect(outcomeOf(await callback("/connectors/shopee/oauth/callback/sandbox?code=x&shop_id=0x10"))).toEqual({
          env: "sandbox",
          status: "error",
          reason: "bad_shop_id",
        })
      })

      it("takes the legacy callback path as sandbox", async () => {
        expect(outcomeOf(await callback("/connectors/shopee/oauth/callback?code=fake&shop_id=700001"))).toEqual({
          env: "sandbox",
          status: "error",
          reason: "invalid_code",
        })
      })

      it("refuses to build a link for a profile without partner credentials", async () => {
        const response = await api.post("/admin/shopee/connect?env=live", {}, options)
        expect(response.status).toEqual(409)
        expect(response.data.message).toEqual("Save the live credentials first. Missing: partner_id, partner_key")
      })
    })
  },
})
