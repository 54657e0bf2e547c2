import type { RunningSandbox } from "../server.js"
import { SHOP_ID, authorizeShop, callApi, control, startSandbox, testOptions, type Tokens } from "../test-support/harness.js"

let sb: RunningSandbox
let tokens: Tokens

beforeEach(async () => {
  sb = await startSandbox(testOptions())
  tokens = await authorizeShop(sb)
})

afterEach(() => sb.close())

function shopCall(path: string, extra: { query?: Record<string, string | number>; body?: unknown; rawBody?: string }) {
  return callApi(sb, { path, accessToken: tokens.access_token, shopId: SHOP_ID, ...extra })
}

const items = () => sb.sandbox.catalogue.itemsOfShop(SHOP_ID)

describe("update_stock", () => {
  test("applies valid models and reports unknown models and stock below reserved in failure_list", async () => {
    const shirt = items()[1]
    const [small, medium] = shirt.models
    const res = await shopCall("/api/v2/product/update_stock", {
      body: {
        item_id: shirt.item_id,
        stock_list: [
          { model_id: small.model_id, seller_stock: [{ stock: 9 }] },
          { model_id: medium.model_id, seller_stock: [{ stock: 1 }] },
          { model_id: 123, seller_stock: [{ stock: 5 }] },
        ],
      },
    })
    expect(res.status).toBe(200)
    expect(res.body.error).toBe("")
    expect(res.body.response.success_list).toEqual([{ model_id: small.model_id, location_id: "SGZ", stock: 9 }])
    expect(res.body.response.failure_list).toEqual([
      { model_id: medium.model_id, failed_reason: expect.stringContaining("reserved") },
      { model_id: 123, failed_reason: "Wrong model_id." },
    ])
    expect(small.seller_stock[0].stock).toBe(9)
    expect(medium.seller_stock[0].stock).toBe(4)
  })

  test("updates an item without models through model_id 0", async () => {
    const single = items()[0]
    const res = await shopCall("/api/v2/product/update_stock", {
      body: { item_id: single.item_id, stock_list: [{ model_id: 0, seller_stock: [{ location_id: "SGZ", stock: 0 }] }] },
    })
    expect(res.body.response).toEqual({ success_list: [{ model_id: 0, location_id: "SGZ", stock: 0 }], failure_list: [] })
    const models = await shopCall("/api/v2/product/get_item_base_info", { query: { item_id_list: String(single.item_id) } })
    expect(models.body.response.item_list[0].stock_info_v2.seller_stock).toEqual([{ location_id: "SGZ", stock: 0, if_saleable: true }])
  })

  test("refuses a call with more than 50 models, repeated models or a malformed entry as a whole", async () => {
    const shirt = items()[1]
    const many = Array.from({ length: 51 }, (_, i) => ({ model_id: i + 1, seller_stock: [{ stock: 1 }] }))
    expect((await shopCall("/api/v2/product/update_stock", { body: { item_id: shirt.item_id, stock_list: many } })).body.error).toBe(
      "error_param"
    )
    const repeated = [shirt.models[0], shirt.models[0]].map((m) => ({ model_id: m.model_id, seller_stock: [{ stock: 1 }] }))
    const rep = await shopCall("/api/v2/product/update_stock", { body: { item_id: shirt.item_id, stock_list: repeated } })
    expect(rep.body).toMatchObject({ error: "error_param", message: "Repeat model_id." })
    const negative = await shopCall("/api/v2/product/update_stock", {
      body: { item_id: shirt.item_id, stock_list: [{ model_id: shirt.models[0].model_id, seller_stock: [{ stock: -1 }] }] },
    })
    expect(negative.body.message).toContain("stock_list[0].seller_stock[0].stock")
    expect(shirt.models[0].seller_stock[0].stock).toBe(3)
  })

  test("refuses an item of another shop", async () => {
    const other = await control(sb, "POST", "/_control/items", { shop_id: 700002, item_name: "Not yours", stock: 1 })
    const res = await shopCall("/api/v2/product/update_stock", {
      body: { item_id: other.body.item_id, stock_list: [{ model_id: 0, seller_stock: [{ stock: 5 }] }] },
    })
    expect(res.status).toBe(404)
    expect(res.body.error).toBe("error_item_not_found")
  })
})

describe("catalogue reads", () => {
  test("get_item_list pages with offset and requires item_status", async () => {
    for (let i = 0; i < 3; i++) await control(sb, "POST", "/_control/items", { shop_id: SHOP_ID, item_name: `Extra ${i}`, stock: 1 })
    await control(sb, "POST", "/_control/items", { shop_id: SHOP_ID, item_name: "Hidden", stock: 1, item_status: "UNLIST" })
    const first = await shopCall("/api/v2/product/get_item_list", { query: { offset: 0, page_size: 3, item_status: "NORMAL" } })
    expect(first.body.response).toMatchObject({ total_count: 5, has_next_page: true, next_offset: 3 })
    expect(first.body.response.item).toHaveLength(3)
    const second = await shopCall("/api/v2/product/get_item_list", { query: { offset: 3, page_size: 3, item_status: "NORMAL" } })
    expect(second.body.response).toMatchObject({ has_next_page: false })
    expect(second.body.response.item).toHaveLength(2)
    const missing = await shopCall("/api/v2/product/get_item_list", { query: { offset: 0, page_size: 3 } })
    expect(missing.body.error).toBe("error_param")
    expect(missing.body.message).toContain("item_status")
    const tooBig = await shopCall("/api/v2/product/get_item_list", { query: { offset: 0, page_size: 101, item_status: "NORMAL" } })
    expect(tooBig.body.error).toBe("error_param")
  })

  test("get_item_base_info takes up to 50 ids and says which items have models", async () => {
    const ids = items().map((i) => i.item_id)
    const res = await shopCall("/api/v2/product/get_item_base_info", { query: { item_id_list: ids.join(",") } })
    expect(res.body.response.item_list.map((i: { has_model: boolean }) => i.has_model)).toEqual([false, true])
    const tooMany = await shopCall("/api/v2/product/get_item_base_info", {
      query: { item_id_list: Array.from({ length: 51 }, (_, i) => i + 1).join(",") },
    })
    expect(tooMany.body.error).toBe("error_param")
  })

  test("get_model_list shows each model's seller_stock and reserved stock", async () => {
    const shirt = items()[1]
    const res = await shopCall("/api/v2/product/get_model_list", { query: { item_id: shirt.item_id } })
    const medium = res.body.response.model[1]
    expect(medium).toMatchObject({ model_id: shirt.models[1].model_id, model_sku: "SHIRT-M" })
    expect(medium.stock_info_v2.seller_stock).toEqual([{ location_id: "SGZ", stock: 4, if_saleable: true }])
    expect(medium.stock_info_v2.summary_info.total_reserved_stock).toBe(2)
    expect(res.body.response.tier_variation[0].option_list).toEqual([{ option: "S" }, { option: "M" }])
  })
})
