import crypto from "node:crypto"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { AxiosInstance } from "axios"
import { rotateShopeeKey } from "../../src/scripts/rotate-shopee-key"
import { adminHeaders } from "../helpers/admin-session"
import { SANDBOX_PARTNER, SANDBOX_SHOP_ID, startTestSandbox } from "../helpers/sandbox"
import { shopeeModule } from "../helpers/shopee-module"
// The refresh job's own step: the refresh token is read and spent exactly as in production.
const { refreshExpiringTokens } = require("medusa-plugin-shopee/lib/refresh-expiring-tokens")

jest.setTimeout(120 * 1000)

const KEY_A = crypto.randomBytes(32).toString("hex")
const KEY_B = crypto.randomBytes(32).toString("hex")

type Sandbox = Awaited<ReturnType<typeof startTestSandbox>>

/**
 * Both profiles with their two keys, the sandbox one pointed at the simulator, and the
 * simulator's shop authorized through the OAuth callback: six ciphertexts, two of them tokens.
 */
async function storeEverySecret(api: AxiosInstance, container: MedusaContainer, sandbox: Sandbox) {
  const options = await adminHeaders(api, container)
  await api.patch("/admin/shopee/credentials?env=live", { partner_key: "k".repeat(40), push_partner_key: "p".repeat(40) }, options)
  await api.patch(
    "/admin/shopee/credentials?env=sandbox",
    { ...SANDBOX_PARTNER, shop_id: SANDBOX_SHOP_ID, api_base_url: sandbox.url },
    options
  )
  const issued = await fetch(`${sandbox.url}/_control/auth_code`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ partner_id: SANDBOX_PARTNER.partner_id, shop_id: SANDBOX_SHOP_ID }),
  })
  const { code } = (await issued.json()) as { code: string }
  const callback = await api.get(`/connectors/shopee/oauth/callback/sandbox?code=${code}&shop_id=${SANDBOX_SHOP_ID}`, {
    maxRedirects: 0,
    validateStatus: () => true,
  })
  expect(String(callback.headers.location)).toContain("status=ok")
  return options
}

/** A Shopee call signed with the stored access token. */
async function callShopee(container: MedusaContainer) {
  const { shop } = await shopeeModule(container).getShopApi("sandbox", (_key, job) => job())
  const now = Math.floor(Date.now() / 1000)
  return shop.orders.getOrderList({ time_range_field: "update_time", time_from: now - 3600, time_to: now, page_size: 10 })
}

async function rotate(container: MedusaContainer, args: string[]) {
  const lines: string[] = []
  const ok = await rotateShopeeKey(container, args, (line) => lines.push(line))
  return { ok, lines }
}

medusaIntegrationTestRunner({
  inApp: true,
  env: { SHOPEE_ENCRYPTION_KEY: KEY_A },
  testSuite: ({ api, getContainer }) => {
    let sandbox: Sandbox

    beforeAll(async () => {
      sandbox = await startTestSandbox()
    })
    afterAll(async () => {
      await sandbox.close()
    })
    beforeEach(async () => {
      await fetch(`${sandbox.url}/_control/reset`, { method: "POST" })
    })
    afterEach(() => {
      process.env.SHOPEE_ENCRYPTION_KEY = KEY_A
      delete process.env.SHOPEE_ENCRYPTION_KEY_PREVIOUS
    })

    describe("npm run shopee:rotate-key", () => {
      it("moves the profile keys and the shop's tokens; with the previous key removed the tokens still call Shopee and refresh", async () => {
        const options = await storeEverySecret(api, getContainer(), sandbox)
        process.env.SHOPEE_ENCRYPTION_KEY = KEY_B
        process.env.SHOPEE_ENCRYPTION_KEY_PREVIOUS = KEY_A

        const dryRun = await rotate(getContainer(), ["--dry-run"])
        const run = await rotate(getContainer(), ["--batch-size=1"])
        expect(run.ok).toBe(true)

        // The operator removes the old key, as the README's rotation steps say.
        delete process.env.SHOPEE_ENCRYPTION_KEY_PREVIOUS
        await expect(callShopee(getContainer())).resolves.toBeTruthy()
        await getContainer()
          .resolve(ContainerRegistrationKeys.PG_CONNECTION)("shopee_auth_token")
          .update({ access_expires_at: new Date(Date.now() + 10 * 60_000) })
        expect(await refreshExpiringTokens(getContainer())).toEqual({ refreshed: 1, failed: 0 })
        await expect(callShopee(getContainer())).resolves.toBeTruthy()

        // What was printed, checked after the tokens were used: the use is what matters.
        expect(dryRun.ok).toBe(true)
        expect(dryRun.lines[0]).toMatch(/^dry run: 6 secrets would move to key [0-9a-f]{8}$/)
        expect(dryRun.lines[1]).toMatch(/^verify: 0\/6 secrets on key/)
        expect(run.lines.slice(0, 3)).toEqual([
          "re-encrypted 1/3 rows (33%)",
          "re-encrypted 2/3 rows (67%)",
          "re-encrypted 3/3 rows (100%)",
        ])
        expect(run.lines[3]).toMatch(/^done: 6 secrets moved to key [0-9a-f]{8}, 0 unreadable$/)
        expect(run.lines[4]).toMatch(/^verify: 6\/6 secrets on key [0-9a-f]{8}, 0 unreadable$/)
        expect(run.lines.slice(5)).toEqual([
          "  shopee_profile.partner_key_encrypted: 2/2 on key, 0 unreadable",
          "  shopee_profile.push_partner_key_encrypted: 2/2 on key, 0 unreadable",
          "  shopee_auth_token.access_token_encrypted: 1/1 on key, 0 unreadable",
          "  shopee_auth_token.refresh_token_encrypted: 1/1 on key, 0 unreadable",
        ])

        const status = await api.get("/admin/shopee/encryption", options)
        expect(status.status).toEqual(200)
        expect(status.data).toMatchObject({ total: 6, on_current_key: 6, unreadable: 0 })
        expect(status.data.columns).toEqual(
          expect.arrayContaining([
            expect.objectContaining({
              table: "shopee_auth_token",
              column: "access_token_encrypted",
              total: 1,
              on_current_key: 1,
              unreadable: 0,
            }),
            expect.objectContaining({
              table: "shopee_auth_token",
              column: "refresh_token_encrypted",
              total: 1,
              on_current_key: 1,
              unreadable: 0,
            }),
          ])
        )

        const refused = await rotate(getContainer(), ["--batch-size=zero"])
        expect(refused).toEqual({ ok: false, lines: ['batch-size must be a positive integer (got "zero")'] })
      })

      it("fails verify, naming each column left behind, while the old key is missing; an interrupted run stays readable and a second run finishes", async () => {
        const options = await storeEverySecret(api, getContainer(), sandbox)
        process.env.SHOPEE_ENCRYPTION_KEY = KEY_B

        const withoutOldKey = await rotate(getContainer(), [])
        expect(withoutOldKey.ok).toBe(false)
        expect(withoutOldKey.lines).toEqual(
          expect.arrayContaining([
            expect.stringMatching(/^verify: 0\/6 secrets on key [0-9a-f]{8}, 6 unreadable$/),
            "  shopee_auth_token.access_token_encrypted: 0/1 on key, 1 unreadable — NOT DONE",
            "  shopee_auth_token.refresh_token_encrypted: 0/1 on key, 1 unreadable — NOT DONE",
            expect.stringMatching(/^verify FAILED: /),
          ])
        )

        process.env.SHOPEE_ENCRYPTION_KEY_PREVIOUS = KEY_A
        // The process dies after the first batch of one row.
        await expect(
          shopeeModule(getContainer()).rotateEncryption({
            batchSize: 1,
            onProgress: ({ done }) => {
              if (done === 1) throw new Error("simulated crash")
            },
          })
        ).rejects.toThrow("simulated crash")
        const halfway = (await api.get("/admin/shopee/encryption", options)).data
        expect(halfway).toMatchObject({ total: 6, on_current_key: 2, unreadable: 0 })
        await expect(callShopee(getContainer())).resolves.toBeTruthy()

        const second = await rotate(getContainer(), [])
        expect(second.ok).toBe(true)
        expect(second.lines).toContain("  shopee_auth_token.refresh_token_encrypted: 1/1 on key, 0 unreadable")
        delete process.env.SHOPEE_ENCRYPTION_KEY_PREVIOUS
        await expect(callShopee(getContainer())).resolves.toBeTruthy()
      })
    })
  },
})
