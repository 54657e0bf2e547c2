import { createHmac } from "node:crypto"
import { ShopeeClient } from "./client.js"
import { ShopeeSignError } from "./errors.js"
import { resolveBaseUrl, SHOPEE_HOSTS } from "./hosts.js"
import { clientFor, SHOP_ID, shopFor } from "./test-support/client-for.js"
import { type FakeShopee, startFakeShopee } from "./test-support/fake-shopee.js"

describe("hosts", () => {
  it("knows the five Shopee environments", () => {
    expect(SHOPEE_HOSTS).toEqual({
      GLOBAL: "https://partner.shopeemobile.com",
      CHINA: "https://openplatform.shopee.cn",
      BRAZIL: "https://openplatform.shopee.com.br",
      TEST_GLOBAL: "https://openplatform.sandbox.test-stable.shopee.sg",
      TEST_CHINA: "https://openplatform.sandbox.test-stable.shopee.cn",
    })
    expect(resolveBaseUrl({ region: "BRAZIL" })).toBe("https://openplatform.shopee.com.br")
  })

  it("prefers an explicit base URL, without its trailing slash", () => {
    expect(resolveBaseUrl({ region: "GLOBAL", baseUrl: "http://localhost:9100/" })).toBe("http://localhost:9100")
  })

  it("refuses a missing or unknown region and a non-http base URL", () => {
    expect(() => resolveBaseUrl({})).toThrow(/region or baseUrl/)
    expect(() => resolveBaseUrl({ region: "MARS" as never })).toThrow(/Unknown region MARS/)
    expect(() => resolveBaseUrl({ baseUrl: "ftp://x" })).toThrow(/http/)
  })
})

describe("ShopeeClient", () => {
  it("refuses a configuration it cannot sign with", () => {
    expect(() => new ShopeeClient({ partnerId: 0, partnerKey: "k", region: "GLOBAL" })).toThrow(/partnerId/)
    expect(() => new ShopeeClient({ partnerId: 1, partnerKey: "", region: "GLOBAL" })).toThrow(/partnerKey/)
    expect(() => new ShopeeClient({ partnerId: 1, partnerKey: "k", region: "GLOBAL" }).shop({ shopId: -1, accessToken: "a" })).toThrow(
      /shopId/
    )
  })

  it("builds the authorization link on its host, signed at the current time", () => {
    const now = 1_700_000_000_123
    const client = new ShopeeClient({ partnerId: 77, partnerKey: "key-1", region: "TEST_GLOBAL", now: () => now })
    const url = new URL(client.buildAuthorizationUrl({ redirect: "https://shop.example/cb" }))
    expect(url.origin).toBe(SHOPEE_HOSTS.TEST_GLOBAL)
    expect(url.searchParams.get("timestamp")).toBe("1700000000")
    expect(url.searchParams.get("sign")).toBe(createHmac("sha256", "key-1").update("77/api/v2/shop/auth_partner1700000000").digest("hex"))
  })

  it("keeps a base URL's path prefix in the URL but signs the API path", async () => {
    const seen: string[] = []
    const client = new ShopeeClient({
      partnerId: 77,
      partnerKey: "key-1",
      baseUrl: "https://proxy.example/shopee",
      now: () => 1_700_000_000_000,
      fetch: async (input) => {
        seen.push(String(input))
        return new Response(JSON.stringify({ request_id: "r", error: "", message: "", response: {} }))
      },
    })
    await client.request({ method: "GET", path: "/api/v2/public/get_shops_by_partner", query: { page_size: 10, cursor: undefined } })
    const url = new URL(seen[0]!)
    expect(url.origin + url.pathname).toBe("https://proxy.example/shopee/api/v2/public/get_shops_by_partner")
    expect(url.searchParams.get("sign")).toBe(
      createHmac("sha256", "key-1").update("77/api/v2/public/get_shops_by_partner1700000000").digest("hex")
    )
    expect(url.searchParams.get("page_size")).toBe("10")
    expect(url.searchParams.has("cursor")).toBe(false)
  })
})

describe("against a server that checks signatures as Shopee does", () => {
  let fake: FakeShopee
  beforeEach(async () => {
    fake = await startFakeShopee()
  })
  afterEach(() => fake.close())

  it("passes shop calls through get/post for APIs without a wrapper", async () => {
    fake.on("/api/v2/shop/get_shop_info", () => ({ raw: { request_id: "r", error: "", message: "", shop_name: "Demo" } }))
    fake.on("/api/v2/order/set_note", () => ({ raw: { request_id: "r", error: "", message: "" } }))
    const shop = shopFor(fake, clientFor(fake).client)
    await expect(shop.get("/api/v2/shop/get_shop_info")).resolves.toMatchObject({ shop_name: "Demo" })
    await shop.post("/api/v2/order/set_note", { order_sn: "A", note: "gift" })
    expect(fake.calls.map((c) => [c.path, c.signType, c.shopId])).toEqual([
      ["/api/v2/shop/get_shop_info", "shop", SHOP_ID],
      ["/api/v2/order/set_note", "shop", SHOP_ID],
    ])
    expect(fake.refused).toEqual([])
  })

  it("signs merchant calls with merchant_id", async () => {
    fake.on("/api/v2/merchant/get_merchant_info", () => ({ raw: { request_id: "r", error: "", message: "", merchant_name: "M" } }))
    const merchant = clientFor(fake).client.merchant({ merchantId: 4242, accessToken: "merchant-token" })
    await expect(merchant.get("/api/v2/merchant/get_merchant_info")).resolves.toMatchObject({ merchant_name: "M" })
    expect(fake.calls[0]).toMatchObject({ signType: "merchant" })
    expect(fake.calls[0]!.query.get("merchant_id")).toBe("4242")
  })

  it("surfaces a wrong partner key as a sign error, not retried", async () => {
    fake.on("/api/v2/push/get_lost_push_message", () => ({ response: {} }))
    const { client, sleeps } = clientFor(fake, { partnerKey: "not-the-key" })
    await expect(client.push.getLostPushMessage()).rejects.toBeInstanceOf(ShopeeSignError)
    expect(fake.refused).toEqual([{ path: "/api/v2/push/get_lost_push_message", error: "error_sign" }])
    expect(sleeps).toEqual([])
  })
})
