import crypto from "node:crypto"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { Logger } from "@medusajs/framework/types"
import { adminHeaders } from "../helpers/admin-session"
import { captureLogs } from "../helpers/capture-logs"
import { shopeeModule } from "../helpers/shopee-module"

jest.setTimeout(120 * 1000)

const KEY_A = crypto.randomBytes(32).toString("hex")
const KEY_B = crypto.randomBytes(32).toString("hex")
const PARTNER_KEY = "shpk" + crypto.randomBytes(30).toString("hex") + "5863"
const PUSH_PARTNER_KEY = "push" + crypto.randomBytes(30).toString("hex") + "6x9s"
const SECRETS = [PARTNER_KEY, PUSH_PARTNER_KEY]

const responses: string[] = []

medusaIntegrationTestRunner({
  inApp: true,
  env: { SHOPEE_ENCRYPTION_KEY: KEY_A, SHOPEE_PUBLIC_URL: "https://shop.example.com" },
  testSuite: ({ api, getContainer }) => {
    let options: Awaited<ReturnType<typeof adminHeaders>>
    let logs: ReturnType<typeof captureLogs> | undefined
    const shopee = () => shopeeModule(getContainer())
    const sql = () => getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
    const call = async (method: "get" | "post" | "patch" | "delete", url: string, body?: unknown) => {
      const response = method === "get" || method === "delete" ? await api[method](url, options) : await api[method](url, body, options)
      responses.push(JSON.stringify(response.data))
      return response
    }

    beforeEach(async () => {
      logs ??= captureLogs(getContainer().resolve<Logger>(ContainerRegistrationKeys.LOGGER))
      options = await adminHeaders(api, getContainer())
      process.env.SHOPEE_ENCRYPTION_KEY = KEY_A
      delete process.env.SHOPEE_ENCRYPTION_KEY_PREVIOUS
    })

    describe("reading credentials", () => {
      it("answers both environments on a fresh database, with the URLs to register at Shopee", async () => {
        for (const env of ["sandbox", "live"]) {
          const response = await call("get", `/admin/shopee/credentials?env=${env}`)
          expect(response.status).toEqual(200)
          expect(response.data).toMatchObject({
            environment: env,
            active_environment: "sandbox",
            pinned_environment: null,
            profile: { environment: env, is_active: true, partner_id: null, partner_key: null, complete: false },
            urls: {
              oauth_callback_url: `https://shop.example.com/connectors/shopee/oauth/callback/${env}`,
              push_url: `https://shop.example.com/connectors/shopee/webhook/${env}`,
            },
          })
        }
      })

      it("refuses an unknown or missing env with a 400 naming it", async () => {
        const unknown = await call("get", "/admin/shopee/credentials?env=staging")
        expect(unknown.status).toEqual(400)
        expect(unknown.data.message).toContain("env")
        const missing = await call("get", "/admin/shopee/credentials")
        expect(missing.status).toEqual(400)
        expect(missing.data.message).toContain("env")
      })
    })

    describe("PATCH /admin/shopee/credentials", () => {
      it("round-trips partner_id on the live profile", async () => {
        const patch = await call("patch", "/admin/shopee/credentials?env=live", { partner_id: 2001887 })
        expect(patch.status).toEqual(200)
        expect(patch.data.profile.partner_id).toEqual(2001887)
        const read = await call("get", "/admin/shopee/credentials?env=live")
        expect(read.data.profile.partner_id).toEqual(2001887)
        const sandbox = await call("get", "/admin/shopee/credentials?env=sandbox")
        expect(sandbox.data.profile.partner_id).toBeNull()
      })

      it("stores a pasted secret as ciphertext and shows only its fingerprint", async () => {
        const patch = await call("patch", "/admin/shopee/credentials?env=sandbox", {
          partner_key: `  ${PARTNER_KEY}\n`,
          push_partner_key: PUSH_PARTNER_KEY,
        })
        expect(patch.status).toEqual(200)
        expect(patch.data.profile.partner_key).toEqual(`shpk…5863·len${PARTNER_KEY.length}`)
        expect(patch.data.profile.push_partner_key).toEqual(`push…6x9s·len${PUSH_PARTNER_KEY.length}`)

        const [row] = await sql()("shopee_profile").where({ environment: "sandbox", is_active: true })
        expect(row.partner_key_encrypted).toMatch(/^v1:[0-9a-f]{8}:/)
        expect(JSON.stringify(row)).not.toContain(PARTNER_KEY)
        expect(JSON.stringify(row)).not.toContain(PUSH_PARTNER_KEY)
        // Trimmed before it was encrypted.
        expect((await shopee().listProfiles("sandbox"))[0].partner_key).toEqual(`shpk…5863·len${PARTNER_KEY.length}`)
      })

      it("answers an empty body with a 400", async () => {
        const response = await call("patch", "/admin/shopee/credentials?env=live", {})
        expect(response.status).toEqual(400)
        expect(response.data.message).toContain("empty")
      })

      it.each([
        ["an unknown field", { partner_idd: 1 }, "partner_idd"],
        ["a partner id that is not a positive integer", { partner_id: -5 }, "partner_id"],
        ["a partner id that is not a number", { partner_id: "abc" }, "partner_id"],
        ["a shop id with a fraction", { shop_id: 1.5 }, "shop_id"],
        ["a region outside the list", { region: "MARS" }, "region"],
        ["an empty secret", { partner_key: "" }, "partner_key"],
        ["a blank secret", { push_partner_key: "   " }, "push_partner_key"],
        ["a secret that is not a string", { partner_key: 12345 }, "partner_key"],
        ["a base URL that is not a URL", { api_base_url: "not a url" }, "api_base_url"],
        ["a javascript: base URL", { api_base_url: "javascript:alert(1)" }, "api_base_url"],
        ["a file: base URL", { api_base_url: "file:///etc/passwd" }, "api_base_url"],
        ["a base URL on a host that is not Shopee's", { api_base_url: "https://collector.example.com" }, "api_base_url"],
        ["a loopback base URL the server does not allow", { api_base_url: "http://127.0.0.1:9" }, "api_base_url"],
        ["a sandbox host on the live profile", { api_base_url: "https://openplatform.sandbox.test-stable.shopee.sg" }, "api_base_url"],
      ])("answers %s with a 400 naming the field, and writes nothing", async (_, body, field) => {
        const response = await call("patch", "/admin/shopee/credentials?env=live", { name: "Changed", ...body })
        expect(response.status).toEqual(400)
        expect(response.data.message).toContain(field)
        const read = await call("get", "/admin/shopee/credentials?env=live")
        expect(read.data.profile.name).toEqual("Default")
      })
    })

    describe("default_location_id", () => {
      it("is taken only when it names one of Medusa's stock locations, and an unknown one writes nothing", async () => {
        const unknown = await call("patch", "/admin/shopee/credentials?env=live", {
          name: "Changed",
          default_location_id: "sloc_does_not_exist",
        })
        expect(unknown.status).toEqual(400)
        expect(unknown.data.message).toContain("default_location_id")
        expect((await call("get", "/admin/shopee/credentials?env=live")).data.profile).toMatchObject({
          name: "Default",
          default_location_id: null,
        })
        const created = await call("post", "/admin/shopee/profiles", {
          environment: "live",
          name: "Second",
          default_location_id: "sloc_does_not_exist",
        })
        expect(created.status).toEqual(400)
        expect(created.data.message).toContain("default_location_id")

        const location = await getContainer().resolve(Modules.STOCK_LOCATION).createStockLocations({ name: "Card Vault" })
        const known = await call("patch", "/admin/shopee/credentials?env=live", { default_location_id: location.id })
        expect(known.status).toEqual(200)
        expect(known.data.profile.default_location_id).toEqual(location.id)
      })
    })

    describe("fingerprints", () => {
      it("show at most the last four characters of a secret shorter than 32", async () => {
        const response = await call("patch", "/admin/shopee/credentials?env=live", { partner_key: "0123456789abcdef" })
        expect(response.status).toEqual(200)
        expect(response.data.profile.partner_key).toEqual("…cdef·len16")
        expect(JSON.stringify(response.data)).not.toContain("0123")
      })
    })

    describe("api_base_url", () => {
      afterEach(() => {
        delete process.env.SHOPEE_ALLOWED_API_BASE_URLS
      })

      it("takes Shopee's hosts of the environment, and another URL only once the server's configuration allows it", async () => {
        const shopeeHost = await call("patch", "/admin/shopee/credentials?env=live", { api_base_url: "https://openplatform.shopee.com.br" })
        expect(shopeeHost.status).toEqual(200)
        expect(shopeeHost.data.profile.api_base_url).toEqual("https://openplatform.shopee.com.br")

        const refused = await call("patch", "/admin/shopee/credentials?env=sandbox", { api_base_url: "http://127.0.0.1:9100" })
        expect(refused.status).toEqual(400)
        expect(refused.data.message).toContain("SHOPEE_ALLOWED_API_BASE_URLS")

        process.env.SHOPEE_ALLOWED_API_BASE_URLS = "http://127.0.0.1:9100"
        const allowed = await call("patch", "/admin/shopee/credentials?env=sandbox", { api_base_url: "http://127.0.0.1:9100" })
        expect(allowed.status).toEqual(200)
        expect(allowed.data.profile.api_base_url).toEqual("http://127.0.0.1:9100")
        expect((await call("patch", "/admin/shopee/credentials?env=sandbox", { api_base_url: null })).status).toEqual(200)
      })

      it("never calls a stored base URL the server no longer allows (the token would go there)", async () => {
        await call("patch", "/admin/shopee/credentials?env=sandbox", { partner_id: 2001887, partner_key: PARTNER_KEY, shop_id: 727720655 })
        await sql()("shopee_profile").where({ environment: "sandbox", is_active: true }).update({ api_base_url: "http://127.0.0.1:9" })
        await expect(shopee().getClient("sandbox")).rejects.toThrow(/api_base_url must be one of Shopee's sandbox hosts/)
        await sql()("shopee_profile").where({ environment: "sandbox", is_active: true }).update({ api_base_url: null })
      })
    })

    describe("switching the active environment", () => {
      it("refuses an incomplete environment with 409 naming every missing field", async () => {
        const none = await call("post", "/admin/shopee/active-environment", { environment: "live" })
        expect(none.status).toEqual(409)
        expect(none.data.message).toEqual("Missing: partner_id, partner_key, shop_id")

        await call("patch", "/admin/shopee/credentials?env=live", { partner_id: 2001887, partner_key: PARTNER_KEY })
        const one = await call("post", "/admin/shopee/active-environment", { environment: "live" })
        expect(one.status).toEqual(409)
        expect(one.data.message).toEqual("Missing: shop_id")
        expect((await call("get", "/admin/shopee/active-environment")).data.active_environment).toEqual("sandbox")
      })

      it("switches to a complete environment, and a switch to the current one is a 200 no-op", async () => {
        await call("patch", "/admin/shopee/credentials?env=live", {
          partner_id: 2001887,
          partner_key: PARTNER_KEY,
          shop_id: 727720655,
        })
        const switched = await call("post", "/admin/shopee/active-environment", { environment: "live" })
        expect(switched.status).toEqual(200)
        expect(switched.data).toMatchObject({ changed: true, active_environment: "live" })
        const again = await call("post", "/admin/shopee/active-environment", { environment: "live" })
        expect(again.status).toEqual(200)
        expect(again.data).toMatchObject({ changed: false, active_environment: "live" })
        const read = await call("get", "/admin/shopee/active-environment")
        expect(read.data.active_environment).toEqual("live")
        expect(read.data.environments.live).toMatchObject({ complete: true, missing: [] })
        expect(read.data.environments.sandbox.urls.push_url).toEqual("https://shop.example.com/connectors/shopee/webhook/sandbox")
      })

      it("refuses an unknown environment with a 400", async () => {
        const response = await call("post", "/admin/shopee/active-environment", { environment: "prod" })
        expect(response.status).toEqual(400)
        expect(response.data.message).toContain("environment")
      })
    })

    describe("no stale reads", () => {
      it("sees a direct SQL edit of the row in the next API read and the next client", async () => {
        await call("patch", "/admin/shopee/credentials?env=sandbox", {
          partner_id: 1001,
          partner_key: PARTNER_KEY,
          shop_id: 42,
        })
        const first = await shopee().getClient("sandbox")
        expect(first.credentials.partner_id).toEqual(1001)

        await sql()("shopee_profile").where({ environment: "sandbox", is_active: true }).update({ partner_id: "1002", shop_id: "43" })

        const read = await call("get", "/admin/shopee/credentials?env=sandbox")
        expect(read.data.profile).toMatchObject({ partner_id: 1002, shop_id: 43 })
        const second = await shopee().getClient("sandbox")
        expect(second.credentials).toMatchObject({ partner_id: 1002, shop_id: 43 })
        expect(second.client).not.toBe(first.client)
        // Unchanged row, same client.
        expect((await shopee().getClient("sandbox")).client).toBe(second.client)
      })

      it("refuses to build a client from an incomplete profile, naming what is missing", async () => {
        await expect(shopee().getClient("live")).rejects.toThrow("Missing: partner_id, partner_key, shop_id")
      })
    })

    describe("ciphertexts are bound to their row", () => {
      it("does not decrypt a ciphertext copied to another profile", async () => {
        await call("patch", "/admin/shopee/credentials?env=live", { partner_key: PARTNER_KEY })
        const created = await call("post", "/admin/shopee/profiles", { environment: "live", name: "Second shop" })
        expect(created.status).toEqual(201)
        const [source] = await sql()("shopee_profile").where({ environment: "live", is_active: true })
        await sql()("shopee_profile").where({ id: created.data.profile.id }).update({ partner_key_encrypted: source.partner_key_encrypted })

        const copy = await call("get", `/admin/shopee/profiles/${created.data.profile.id}`)
        expect(copy.data.profile.partner_key).toBeNull()
        expect(copy.data.profile.unreadable_secrets).toEqual(["partner_key"])
        const original = await call("get", "/admin/shopee/credentials?env=live")
        expect(original.data.profile.partner_key).toEqual(`shpk…5863·len${PARTNER_KEY.length}`)
      })
    })

    describe("key rotation", () => {
      it("moves every secret from key A to key B, survives a crash halfway, and ends readable with B alone", async () => {
        await call("patch", "/admin/shopee/credentials?env=sandbox", { partner_key: PARTNER_KEY, push_partner_key: PUSH_PARTNER_KEY })
        await call("patch", "/admin/shopee/credentials?env=live", { partner_key: PARTNER_KEY })
        for (const name of ["Shop 2", "Shop 3"]) {
          await call("post", "/admin/shopee/profiles", {
            environment: "live",
            name,
            partner_key: PARTNER_KEY,
            push_partner_key: PUSH_PARTNER_KEY,
          })
        }

        process.env.SHOPEE_ENCRYPTION_KEY = KEY_B
        process.env.SHOPEE_ENCRYPTION_KEY_PREVIOUS = KEY_A

        const dryRun = await call("post", "/admin/shopee/encryption/rotate", { dry_run: true })
        expect(dryRun.status).toEqual(200)
        expect(dryRun.data).toMatchObject({ dry_run: true, pending: 7, reencrypted: 0 })
        expect(dryRun.data.status.on_current_key).toEqual(0)

        // The process dies after the first batch of one row.
        await expect(
          shopee().rotateEncryption({
            batchSize: 1,
            onProgress: ({ done }: { done: number }) => {
              if (done === 1) throw new Error("simulated crash")
            },
          })
        ).rejects.toThrow("simulated crash")
        const halfway = (await call("get", "/admin/shopee/encryption")).data
        expect(halfway.on_current_key).toBeGreaterThan(0)
        expect(halfway.on_current_key).toBeLessThan(7)
        expect(halfway.unreadable).toEqual(0)
        const duringRotation = await call("get", "/admin/shopee/profiles")
        for (const profile of duringRotation.data.profiles) {
          expect(profile.unreadable_secrets).toEqual([])
        }

        const finish = await call("post", "/admin/shopee/encryption/rotate", {})
        expect(finish.status).toEqual(200)
        expect(finish.data.status).toMatchObject({ total: 7, on_current_key: 7, unreadable: 0 })

        delete process.env.SHOPEE_ENCRYPTION_KEY_PREVIOUS
        const afterwards = await call("get", "/admin/shopee/profiles")
        const withSecrets = afterwards.data.profiles.filter((profile: { partner_key: string | null }) => profile.partner_key)
        expect(withSecrets).toHaveLength(4)
        for (const profile of afterwards.data.profiles) {
          expect(profile.unreadable_secrets).toEqual([])
        }
        expect(withSecrets[0].partner_key).toEqual(`shpk…5863·len${PARTNER_KEY.length}`)
      })

      it("refuses to store a secret when neither SHOPEE_ENCRYPTION_KEY nor JWT_SECRET is set", async () => {
        const jwtSecret = process.env.JWT_SECRET
        delete process.env.SHOPEE_ENCRYPTION_KEY
        delete process.env.JWT_SECRET
        try {
          const response = await call("patch", "/admin/shopee/credentials?env=live", { partner_id: 5, partner_key: PARTNER_KEY })
          expect(response.status).toEqual(400)
          expect(response.data.message).toContain("set SHOPEE_ENCRYPTION_KEY")
          const read = await call("get", "/admin/shopee/credentials?env=live")
          expect(read.data.profile.partner_id).toBeNull()
        } finally {
          if (jwtSecret !== undefined) process.env.JWT_SECRET = jwtSecret
        }
      })
    })

    describe("profiles", () => {
      it("keeps one active profile per environment and refuses to delete the active one", async () => {
        const created = await call("post", "/admin/shopee/profiles", {
          environment: "live",
          name: "Second shop",
          partner_id: "2001888",
          region: "BRAZIL",
        })
        expect(created.status).toEqual(201)
        expect(created.data.profile).toMatchObject({ is_active: false, partner_id: 2001888, region: "BRAZIL" })
        expect(created.data.urls.oauth_callback_url).toEqual("https://shop.example.com/connectors/shopee/oauth/callback/live")

        const duplicate = await call("post", "/admin/shopee/profiles", { environment: "live", name: "Second shop" })
        expect(duplicate.status).toEqual(409)

        const activated = await call("post", `/admin/shopee/profiles/${created.data.profile.id}/activate`)
        expect(activated.status).toEqual(200)
        const live = (await call("get", "/admin/shopee/profiles?env=live")).data.profiles
        expect(live.filter((profile: { is_active: boolean }) => profile.is_active)).toEqual([
          expect.objectContaining({ id: created.data.profile.id }),
        ])
        expect((await call("get", "/admin/shopee/credentials?env=live")).data.profile.id).toEqual(created.data.profile.id)

        const refused = await call("delete", `/admin/shopee/profiles/${created.data.profile.id}`)
        expect(refused.status).toEqual(409)
        const old = live.find((profile: { name: string }) => profile.name === "Default")
        const deleted = await call("delete", `/admin/shopee/profiles/${old.id}`)
        expect(deleted.data).toEqual({ id: old.id, object: "shopee_profile", deleted: true })
        expect((await call("get", `/admin/shopee/profiles/${old.id}`)).status).toEqual(404)
      })

      it("refuses to activate an incomplete profile in the environment the instance serves", async () => {
        const created = await call("post", "/admin/shopee/profiles", { environment: "sandbox", name: "Half done", partner_id: 7 })
        const response = await call("post", `/admin/shopee/profiles/${created.data.profile.id}/activate`)
        expect(response.status).toEqual(409)
        expect(response.data.message).toContain("Missing: partner_key, shop_id")
      })

      it("refuses a profile without an environment or a name, naming them", async () => {
        const response = await call("post", "/admin/shopee/profiles", { partner_id: 1 })
        expect(response.status).toEqual(400)
        expect(response.data.message).toContain("environment")
        expect(response.data.message).toContain("name")
      })
    })

    describe("secrets in the open", () => {
      // Runs last: it reads what every test above wrote to the logs and received in answers.
      it("never appear in a response or a log line, only their fingerprints", () => {
        logs!.restore()
        const logged = logs!.text()
        expect(logged).toMatch(/Shopee sandbox profile "Default" \(shprof_\w+\) updated: partner_key=shpk…5863/)
        const seen = logged + responses.join("\n")
        for (const secret of SECRETS) {
          expect(seen).not.toContain(secret)
        }
      })
    })
  },
})
