import { createHmac } from "node:crypto"
import { buildAuthorizationUrl } from "./authorization-url.js"
import { sign, signBaseString, signMerchant, signPublic, signShop } from "./sign.js"

// Vectors computed outside this code (openssl dgst -sha256 -hmac) from the base strings
// Shopee documents, and checked again here against an independent HMAC.
const partnerId = 2001887
const partnerKey = "shpk72476151525864414e4b6e475449626679624f695a696162696570417043"
const timestamp = 1655714431
const accessToken = "c09222e3fc40ffb25fc947f738b1abf1"

const hmac = (message: string) => createHmac("sha256", Buffer.from(partnerKey, "utf8")).update(message).digest("hex")

describe("sign", () => {
  it("signs a public call over partner_id + path + timestamp", () => {
    const base = "2001887/api/v2/shop/auth_partner1655714431"
    const expected = "8850fa55e0de59a6d47d6532e5200d199e36381c532a4fb89f2d7efb5f9c7870"
    expect(hmac(base)).toBe(expected)
    expect(signBaseString({ partnerId, path: "/api/v2/shop/auth_partner", timestamp }, { type: "public" })).toBe(base)
    expect(signPublic({ partnerId, partnerKey, path: "/api/v2/shop/auth_partner", timestamp })).toBe(expected)
  })

  it("signs a shop call over partner_id + path + timestamp + access_token + shop_id", () => {
    const base = `2001887/api/v2/order/get_order_list1655714431${accessToken}600000`
    const expected = "c4e06b5ba98981f210bd6701dd1c1f670ee9d3d74f40e888b07d55880d877eb9"
    expect(hmac(base)).toBe(expected)
    expect(signShop({ partnerId, partnerKey, path: "/api/v2/order/get_order_list", timestamp, accessToken, shopId: 600000 })).toBe(expected)
  })

  it("signs a merchant call over partner_id + path + timestamp + access_token + merchant_id", () => {
    const base = `2001887/api/v2/global_product/get_category1655714431${accessToken}700001`
    const expected = "6aba68525209f59ceae0ce54c7b3ca3b5c9257db7c6a269544880fee4334ba36"
    expect(hmac(base)).toBe(expected)
    expect(
      signMerchant({ partnerId, partnerKey, path: "/api/v2/global_product/get_category", timestamp, accessToken, merchantId: 700001 })
    ).toBe(expected)
  })

  it("gives lowercase hex of 64 characters and changes with any input", () => {
    const base = { partnerId, partnerKey, path: "/api/v2/order/get_order_list", timestamp }
    const shop = { type: "shop" as const, accessToken, shopId: 600000 }
    const reference = sign(base, shop)
    expect(reference).toMatch(/^[0-9a-f]{64}$/)
    expect(sign({ ...base, timestamp: timestamp + 1 }, shop)).not.toBe(reference)
    expect(sign({ ...base, partnerKey: partnerKey + "x" }, shop)).not.toBe(reference)
    expect(sign(base, { ...shop, shopId: 600001 })).not.toBe(reference)
  })
})

describe("buildAuthorizationUrl", () => {
  it("links to auth_partner signed as a public call, with the redirect", () => {
    const redirect = "https://shop.example/connectors/shopee/oauth/callback/sandbox?state=abc"
    const url = new URL(buildAuthorizationUrl({ baseUrl: "https://partner.shopeemobile.com", partnerId, partnerKey, redirect, timestamp }))
    expect(url.origin + url.pathname).toBe("https://partner.shopeemobile.com/api/v2/shop/auth_partner")
    expect(url.searchParams.get("partner_id")).toBe("2001887")
    expect(url.searchParams.get("timestamp")).toBe(String(timestamp))
    expect(url.searchParams.get("sign")).toBe("8850fa55e0de59a6d47d6532e5200d199e36381c532a4fb89f2d7efb5f9c7870")
    expect(url.searchParams.get("redirect")).toBe(redirect)
  })
})
