import type { RunningSandbox } from "./server.js"
import { SHOP_ID, authorizeShop, callApi, startSandbox, testOptions, type Tokens } from "./test-support/harness.js"

let sb: RunningSandbox
let tokens: Tokens

beforeAll(async () => {
  sb = await startSandbox(testOptions())
  tokens = await authorizeShop(sb)
})

afterAll(() => sb.close())

describe("bad input answers Shopee-style errors, never a crash", () => {
  test("malformed JSON in a POST body is error_param", async () => {
    const res = await callApi(sb, { path: "/api/v2/auth/token/get", rawBody: "{oops" })
    expect(res.status).toBe(400)
    expect(res.body).toMatchObject({ error: "error_param" })
    expect(res.body.request_id).toMatch(/^[0-9a-f]{32}$/)
  })

  test("a JSON array body is error_param", async () => {
    const res = await callApi(sb, {
      path: "/api/v2/product/update_stock",
      accessToken: tokens.access_token,
      shopId: SHOP_ID,
      rawBody: "[1,2]",
    })
    expect(res.body.error).toBe("error_param")
  })

  test("a wrong method finds no API", async () => {
    const res = await callApi(sb, { method: "GET", path: "/api/v2/auth/token/get" })
    expect(res.status).toBe(404)
    expect(res.body.error).toBe("error_not_found")
    expect(res.body.message).toContain("use POST")
  })

  test("an unknown path is error_not_found", async () => {
    const res = await callApi(sb, { path: "/api/v2/order/get_everything" })
    expect(res.status).toBe(404)
    expect(res.body.error).toBe("error_not_found")
  })

  test("a missing parameter is error_param naming it", async () => {
    const res = await callApi(sb, { path: "/api/v2/product/get_model_list", accessToken: tokens.access_token, shopId: SHOP_ID })
    expect(res.status).toBe(400)
    expect(res.body.message).toContain("item_id")
  })

  test("a parameter of the wrong type is error_param naming it", async () => {
    const res = await callApi(sb, {
      path: "/api/v2/product/update_stock",
      accessToken: tokens.access_token,
      shopId: SHOP_ID,
      body: { item_id: "many", stock_list: [] },
    })
    expect(res.body.error).toBe("error_param")
    expect(res.body.message).toContain("item_id")
  })

  test("the sandbox still answers after all of that", async () => {
    expect((await callApi(sb, { path: "/api/v2/push/get_lost_push_message" })).status).toBe(200)
  })
})
