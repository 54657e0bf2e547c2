import { ShopeeError, ShopeeAuthError } from "../errors.js"
import { clientFor } from "../test-support/client-for.js"
import { errorEnvelope, type FakeShopee, startFakeShopee } from "../test-support/fake-shopee.js"
import { ACCESS_TOKEN_GET_PATH, TOKEN_GET_PATH } from "./auth.js"

let fake: FakeShopee
beforeEach(async () => {
  fake = await startFakeShopee()
})
afterEach(() => fake.close())

const tokenAnswer = (extra: Record<string, unknown> = {}) => ({
  raw: { request_id: "t1", error: "", message: "", access_token: "acc-new", refresh_token: "ref-new", expire_in: 14400, ...extra },
})

describe("auth", () => {
  it("exchanges a code for a shop, signed as a public call, with partner_id in the body", async () => {
    fake.on(TOKEN_GET_PATH, () => tokenAnswer())
    const { client } = clientFor(fake)
    await expect(client.auth.getAccessToken({ code: "code-abc", shop_id: 600000 })).resolves.toEqual({
      request_id: "t1",
      access_token: "acc-new",
      refresh_token: "ref-new",
      expire_in: 14400,
    })
    expect(fake.callsTo(TOKEN_GET_PATH)[0]).toMatchObject({
      method: "POST",
      signType: "public",
      body: { code: "code-abc", shop_id: 600000, partner_id: fake.partnerId },
    })
  })

  it("exchanges a code for a main account and returns the shops and merchants it covers", async () => {
    fake.on(TOKEN_GET_PATH, () => tokenAnswer({ shop_id_list: [1, 2], merchant_id_list: [9] }))
    const { client } = clientFor(fake)
    const answer = await client.auth.getAccessToken({ code: "code-abc", main_account_id: 123 })
    expect(answer).toMatchObject({ shop_id_list: [1, 2], merchant_id_list: [9] })
    expect(fake.callsTo(TOKEN_GET_PATH)[0]!.body).toEqual({ code: "code-abc", main_account_id: 123, partner_id: fake.partnerId })
  })

  it("refreshes by shop or by merchant", async () => {
    fake.on(ACCESS_TOKEN_GET_PATH, () => tokenAnswer({ shop_id: 600000 }))
    const { client } = clientFor(fake)
    await expect(client.auth.refreshAccessToken({ refresh_token: "ref-old", shop_id: 600000 })).resolves.toMatchObject({
      access_token: "acc-new",
      refresh_token: "ref-new",
      shop_id: 600000,
    })
    await client.auth.refreshAccessToken({ refresh_token: "ref-old2", merchant_id: 5 })
    expect(fake.callsTo(ACCESS_TOKEN_GET_PATH).map((c) => c.body)).toEqual([
      { refresh_token: "ref-old", shop_id: 600000, partner_id: fake.partnerId },
      { refresh_token: "ref-old2", merchant_id: 5, partner_id: fake.partnerId },
    ])
  })

  it("maps a used code to an auth error", async () => {
    fake.on(TOKEN_GET_PATH, () => ({ status: 403, raw: errorEnvelope("invalid_code", "Invalid code") }))
    const { client } = clientFor(fake)
    await expect(client.auth.getAccessToken({ code: "used-code", shop_id: 1 })).rejects.toBeInstanceOf(ShopeeAuthError)
  })

  it("refuses a success without tokens rather than storing nothing", async () => {
    fake.on(ACCESS_TOKEN_GET_PATH, () => ({ raw: { request_id: "t2", error: "", message: "" } }))
    const { client } = clientFor(fake)
    const error = await client.auth.refreshAccessToken({ refresh_token: "ref-old", shop_id: 1 }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ShopeeError)
    expect(error).toMatchObject({ request_id: "t2", path: ACCESS_TOKEN_GET_PATH })
  })
})
