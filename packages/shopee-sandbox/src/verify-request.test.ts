import type { RunningSandbox } from "./server.js"
import {
  OTHER_SHOP_ID,
  PARTNER,
  SHOP_ID,
  authorizeShop,
  callApi,
  control,
  hmacHex,
  startSandbox,
  testOptions,
  type Tokens,
} from "./test-support/harness.js"

const MERCHANT_ID = 900001
const MAIN_ACCOUNT_ID = 500001
const MERCHANT_SHOP_ID = 700009

let sb: RunningSandbox
let shopTokens: Tokens
let merchantToken: string

beforeAll(async () => {
  const options = testOptions()
  sb = await startSandbox({
    ...options,
    merchants: [{ merchant_id: MERCHANT_ID, main_account_id: MAIN_ACCOUNT_ID }],
    shops: [...(options.shops ?? []), { shop_id: MERCHANT_SHOP_ID, merchant_id: MERCHANT_ID }],
  })
  shopTokens = await authorizeShop(sb)
  const code = await control(sb, "POST", "/_control/auth_code", { partner_id: PARTNER.partner_id, main_account_id: MAIN_ACCOUNT_ID })
  const tokens = await callApi(sb, {
    path: "/api/v2/auth/token/get",
    body: { code: code.body.code, partner_id: PARTNER.partner_id, main_account_id: MAIN_ACCOUNT_ID },
  })
  expect(tokens.body.merchant_id_list).toEqual([MERCHANT_ID])
  expect(tokens.body.shop_id_list).toEqual([MERCHANT_SHOP_ID])
  merchantToken = tokens.body.access_token
})

afterAll(() => sb.close())

const LOST = "/api/v2/push/get_lost_push_message"
const SHOP_INFO = "/api/v2/shop/get_shop_info"
const MERCHANT_INFO = "/api/v2/merchant/get_merchant_info"

describe("public calls (partner_id + path + timestamp)", () => {
  test("accepts a correctly signed call", async () => {
    const res = await callApi(sb, { path: LOST })
    expect(res.status).toBe(200)
    expect(res.body.error).toBe("")
    expect(res.body.request_id).toMatch(/^[0-9a-f]{32}$/)
  })

  test("rejects a sign made with the wrong key as error_sign 403", async () => {
    const res = await callApi(sb, { path: LOST, partner: { ...PARTNER, partner_key: "not-the-key" } })
    expect(res.status).toBe(403)
    expect(res.body).toMatchObject({ error: "error_sign", message: "Wrong sign." })
  })

  test("rejects a sign over another path", async () => {
    const ts = sb.sandbox.clock.nowSeconds()
    const sign = hmacHex(PARTNER.partner_key, `${PARTNER.partner_id}/api/v2/auth/token/get${ts}`)
    const res = await callApi(sb, { path: LOST, timestamp: ts, sign })
    expect(res.body.error).toBe("error_sign")
  })

  test("rejects an uppercase hex sign (Shopee's sign is lowercase)", async () => {
    const ts = sb.sandbox.clock.nowSeconds()
    const sign = hmacHex(PARTNER.partner_key, `${PARTNER.partner_id}${LOST}${ts}`).toUpperCase()
    expect((await callApi(sb, { path: LOST, timestamp: ts, sign })).body.error).toBe("error_sign")
  })

  test("rejects a timestamp more than 5 minutes old, accepts one just inside", async () => {
    const now = sb.sandbox.clock.nowSeconds()
    const stale = await callApi(sb, { path: LOST, timestamp: now - 301 })
    expect(stale.status).toBe(400)
    expect(stale.body.error).toBe("error_param")
    expect(stale.body.message).toMatch(/timestamp/i)
    expect((await callApi(sb, { path: LOST, timestamp: now - 290 })).body.error).toBe("")
    expect((await callApi(sb, { path: LOST, timestamp: now + 400 })).body.error).toBe("error_param")
  })

  test("rejects an unknown partner", async () => {
    const res = await callApi(sb, { path: LOST, partner: { partner_id: 4242, partner_key: "x" } })
    expect(res.status).toBe(400)
    expect(res.body).toMatchObject({ error: "error_param", message: "Invalid partner_id." })
  })

  test("rejects a call without partner_id, timestamp or sign, naming what is missing", async () => {
    const noPartner = await fetch(`${sb.url}${LOST}?timestamp=1&sign=x`).then((r) => r.json())
    expect(noPartner).toMatchObject({ error: "error_param", message: "There is no partner_id in query." })
    const noTimestamp = await fetch(`${sb.url}${LOST}?partner_id=${PARTNER.partner_id}&sign=x`).then((r) => r.json())
    expect(noTimestamp).toMatchObject({ error: "error_param", message: "no timestamp" })
    const noSign = await fetch(`${sb.url}${LOST}?partner_id=${PARTNER.partner_id}&timestamp=${sb.sandbox.clock.nowSeconds()}`).then((r) =>
      r.json()
    )
    expect(noSign).toMatchObject({ error: "error_param", message: "There is no sign in query." })
  })
})

describe("shop calls (+ access_token + shop_id)", () => {
  test("accepts a correctly signed call", async () => {
    const res = await callApi(sb, { path: SHOP_INFO, accessToken: shopTokens.access_token, shopId: SHOP_ID })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ error: "", shop_name: "Test shop", region: "SG" })
  })

  test("rejects a shop call signed as a public call", async () => {
    const ts = sb.sandbox.clock.nowSeconds()
    const sign = hmacHex(PARTNER.partner_key, `${PARTNER.partner_id}${SHOP_INFO}${ts}`)
    const res = await callApi(sb, { path: SHOP_INFO, accessToken: shopTokens.access_token, shopId: SHOP_ID, timestamp: ts, sign })
    expect(res.status).toBe(403)
    expect(res.body.error).toBe("error_sign")
  })

  test("rejects a bad sign, a stale timestamp and an unknown partner", async () => {
    const base = { path: SHOP_INFO, accessToken: shopTokens.access_token, shopId: SHOP_ID }
    expect((await callApi(sb, { ...base, partner: { ...PARTNER, partner_key: "wrong" } })).body.error).toBe("error_sign")
    expect((await callApi(sb, { ...base, timestamp: sb.sandbox.clock.nowSeconds() - 600 })).body.error).toBe("error_param")
    expect((await callApi(sb, { ...base, partner: { partner_id: 1, partner_key: "x" } })).body.message).toBe("Invalid partner_id.")
  })

  test("rejects a missing access token", async () => {
    const res = await callApi(sb, { path: SHOP_INFO, shopId: SHOP_ID })
    expect(res.body).toMatchObject({ error: "error_param", message: "There is no access_token in query." })
  })

  test("rejects an unknown access token with Shopee's invalid_acceess_token", async () => {
    const res = await callApi(sb, { path: SHOP_INFO, accessToken: "0".repeat(32), shopId: SHOP_ID })
    expect(res.status).toBe(403)
    expect(res.body.error).toBe("invalid_acceess_token")
  })

  test("rejects the token of another shop", async () => {
    await control(sb, "POST", "/_control/auth_code", { partner_id: PARTNER.partner_id, shop_id: OTHER_SHOP_ID })
    const res = await callApi(sb, { path: SHOP_INFO, accessToken: shopTokens.access_token, shopId: OTHER_SHOP_ID })
    expect(res.status).toBe(403)
    expect(res.body.error).toBe("invalid_acceess_token")
  })

  test("rejects a token once the shop has cancelled the authorization", async () => {
    const tokens = await authorizeShop(sb, OTHER_SHOP_ID)
    const before = await callApi(sb, { path: SHOP_INFO, accessToken: tokens.access_token, shopId: OTHER_SHOP_ID })
    expect(before.body.error).toBe("")
    await control(sb, "POST", "/_control/deauthorize", { partner_id: PARTNER.partner_id, shop_id: OTHER_SHOP_ID })
    const after = await callApi(sb, { path: SHOP_INFO, accessToken: tokens.access_token, shopId: OTHER_SHOP_ID })
    expect(after.status).toBe(403)
    expect(after.body.error).toBe("error_auth")
  })
})

describe("merchant calls (+ access_token + merchant_id)", () => {
  test("accepts a correctly signed call", async () => {
    const res = await callApi(sb, { path: MERCHANT_INFO, accessToken: merchantToken, merchantId: MERCHANT_ID })
    expect(res.status).toBe(200)
    expect(res.body.error).toBe("")
    expect(res.body.merchant_name).toContain(String(MERCHANT_ID))
  })

  test("rejects a merchant call signed with shop_id semantics (sign over the wrong id)", async () => {
    const ts = sb.sandbox.clock.nowSeconds()
    const sign = hmacHex(PARTNER.partner_key, `${PARTNER.partner_id}${MERCHANT_INFO}${ts}${merchantToken}${MERCHANT_SHOP_ID}`)
    const res = await callApi(sb, { path: MERCHANT_INFO, accessToken: merchantToken, merchantId: MERCHANT_ID, timestamp: ts, sign })
    expect(res.body.error).toBe("error_sign")
  })

  test("rejects a bad sign, a stale timestamp and an unknown partner", async () => {
    const base = { path: MERCHANT_INFO, accessToken: merchantToken, merchantId: MERCHANT_ID }
    expect((await callApi(sb, { ...base, partner: { ...PARTNER, partner_key: "wrong" } })).status).toBe(403)
    expect((await callApi(sb, { ...base, timestamp: sb.sandbox.clock.nowSeconds() - 301 })).body.error).toBe("error_param")
    expect((await callApi(sb, { ...base, partner: { partner_id: 77, partner_key: "x" } })).body.error).toBe("error_param")
  })

  test("rejects a merchant call without merchant_id", async () => {
    const res = await callApi(sb, { path: MERCHANT_INFO, accessToken: merchantToken })
    expect(res.body).toMatchObject({ error: "error_param", message: "There is no merchant_id in query." })
  })

  test("a main-account token also works for the shops under it", async () => {
    const res = await callApi(sb, { path: SHOP_INFO, accessToken: merchantToken, shopId: MERCHANT_SHOP_ID })
    expect(res.body.error).toBe("")
  })
})
