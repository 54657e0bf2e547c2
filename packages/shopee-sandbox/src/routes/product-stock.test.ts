import type { RunningSandbox } from "../server.js"
import { SHOP_ID, authorizeShop, callApi, control, startSandbox, testOptions, type Tokens } from "../test-support/harness.js"

/** What a stock writer meets at Shopee's update_stock and catalogue reads, beyond the plain happy path. */

let sb: RunningSandbox
let tokens: Tokens

beforeEach(async () => {
  sb = await startSandbox(testOptions())
  tokens = await authorizeShop(sb)
})

afterEach(() => sb.close())

function shopCall(path: string, extra: { query?: Record<string, string | number>; body?: unknown }) {
  return callApi(sb, { path, accessToken: tokens.access_token, shopId: SHOP_ID, ...extra })
}

const items = () => sb.sandbox.catalogue.itemsOfShop(SHOP_ID)
const single = () => items()[0]
const shirt = () => items()[1]

function setStock(itemId: number, stockList: { model_id: number; seller_stock: { location_id?: string; stock: number }[] }[]) {
  return shopCall("/api/v2/product/update_stock", { body: { item_id: itemId, stock_list: stockList } })
}

describe("update_stock refusals, in Shopee's words", () => {
  test("holiday mode and a shop under penalty refuse the whole call and change nothing", async () => {
    await control(sb, "PATCH", `/_control/shops/${SHOP_ID}`, { holiday_mode: true })
    const holiday = await setStock(single().item_id, [{ model_id: 0, seller_stock: [{ stock: 1 }] }])
    expect(holiday.body).toMatchObject({ error: "error_holiday_mode_change_stock", message: "Cannot change stock in holiday mode." })
    expect(holiday.body.response).toBeUndefined()
    await control(sb, "PATCH", `/_control/shops/${SHOP_ID}`, { holiday_mode: false, under_penalty: true })
    const penalty = await setStock(single().item_id, [{ model_id: 0, seller_stock: [{ stock: 1 }] }])
    expect(penalty.body).toMatchObject({ error: "error_seller_under_penalty", message: "The shop is under penalty." })
    expect(single().models[0].seller_stock[0].stock).toBe(5)
  })

  test("model 0 of an item with models is refused with Shopee's own (ungrammatical) reason", async () => {
    const res = await setStock(shirt().item_id, [{ model_id: 0, seller_stock: [{ stock: 1 }] }])
    expect(res.body.response.failure_list).toEqual([
      { model_id: 0, failed_reason: "Can't to edit item stock directly while item has models." },
    ])
  })

  test("a shop with several warehouses needs location_id on every entry", async () => {
    await control(sb, "PATCH", `/_control/shops/${SHOP_ID}`, { location_ids: ["SGZ", "SGW"] })
    const missing = await setStock(single().item_id, [{ model_id: 0, seller_stock: [{ stock: 1 }] }])
    expect(missing.body.response.failure_list).toEqual([
      { model_id: 0, failed_reason: "The merchant/shop has multi warehouse, please input location id" },
    ])
    const given = await setStock(single().item_id, [{ model_id: 0, seller_stock: [{ location_id: "SGW", stock: 2 }] }])
    expect(given.body.response.success_list).toEqual([{ model_id: 0, location_id: "SGW", stock: 2 }])
    expect(single().models[0].seller_stock).toEqual([
      { location_id: "SGZ", stock: 5 },
      { location_id: "SGW", stock: 2 },
    ])
  })

  test("a promotion that forbids stock edits refuses its models; stock below the promotion reserve is refused", async () => {
    const [small, medium] = shirt().models
    const promotion = await control(sb, "POST", "/_control/promotions", {
      item_id: shirt().item_id,
      stock_editable: false,
      models: [{ model_id: small.model_id, reserved_stock: 1 }],
    })
    expect(promotion.status).toBe(201)
    const res = await setStock(shirt().item_id, [
      { model_id: small.model_id, seller_stock: [{ stock: 9 }] },
      { model_id: medium.model_id, seller_stock: [{ stock: 1 }] },
    ])
    expect(res.body.error).toBe("")
    expect(res.body.response.failure_list).toEqual([
      { model_id: small.model_id, failed_reason: "Cannot change stock when item is under promotion." },
      { model_id: medium.model_id, failed_reason: "Total stock must be more than reserved stock." },
    ])
  })

  test("an injected failure with_error answers Shopee's top-level error beside the partial success", async () => {
    const [small, medium] = shirt().models
    const rule = await control(sb, "POST", "/_control/stock_failures", {
      item_id: shirt().item_id,
      model_id: medium.model_id,
      with_error: true,
      times: 1,
    })
    expect(rule.status).toBe(201)
    const res = await setStock(shirt().item_id, [
      { model_id: small.model_id, seller_stock: [{ stock: 7 }] },
      { model_id: medium.model_id, seller_stock: [{ stock: 8 }] },
    ])
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({
      error: "error_busi_update_stock_failed",
      message: "Update stock failed, please check failure_list for detailed reason",
      response: {
        success_list: [{ model_id: small.model_id, location_id: "SGZ", stock: 7 }],
        failure_list: [{ model_id: medium.model_id, failed_reason: "Cannot change stock when item is under promotion." }],
      },
    })
    expect(small.seller_stock[0].stock).toBe(7)
    const again = await setStock(shirt().item_id, [{ model_id: medium.model_id, seller_stock: [{ stock: 8 }] }])
    expect(again.body).toMatchObject({ error: "", response: { failure_list: [] } })
  })

  test("the error-beside-failures setting puts the error on natural failures too", async () => {
    await control(sb, "PATCH", "/_control/settings", { update_stock_error_beside_failures: true })
    const res = await setStock(shirt().item_id, [{ model_id: 0, seller_stock: [{ stock: 1 }] }])
    expect(res.body.error).toBe("error_busi_update_stock_failed")
    const ok = await setStock(single().item_id, [{ model_id: 0, seller_stock: [{ stock: 1 }] }])
    expect(ok.body.error).toBe("")
  })

  test("every update_stock call and its body is in the request log, so a test can prove none was made", async () => {
    expect((await control<unknown[]>(sb, "GET", "/_control/requests?path=/api/v2/product/update_stock")).body).toEqual([])
    await setStock(single().item_id, [{ model_id: 0, seller_stock: [{ stock: 3 }] }])
    const log = await control<{ body: unknown; error: string }[]>(sb, "GET", "/_control/requests?path=/api/v2/product/update_stock")
    expect(log.body).toHaveLength(1)
    expect(log.body[0].body).toEqual({ item_id: single().item_id, stock_list: [{ model_id: 0, seller_stock: [{ stock: 3 }] }] })
  })

  test("a rate_limit fault on product calls answers error_rate_limit and changes nothing", async () => {
    await control(sb, "POST", "/_control/faults", { kind: "rate_limit", route: "/api/v2/product/*", times: 1 })
    const res = await setStock(single().item_id, [{ model_id: 0, seller_stock: [{ stock: 0 }] }])
    expect(res.status).toBe(429)
    expect(res.body.error).toBe("error_rate_limit")
    expect(single().models[0].seller_stock[0].stock).toBe(5)
  })
})

describe("catalogue reads", () => {
  test("get_item_list refuses an offset beyond the configured limit, and an update_time window narrows the list", async () => {
    for (let i = 0; i < 4; i++) await control(sb, "POST", "/_control/items", { shop_id: SHOP_ID, item_name: `Extra ${i}`, stock: 1 })
    await control(sb, "PATCH", "/_control/settings", { item_list_offset_limit: 4 })
    const deep = await shopCall("/api/v2/product/get_item_list", { query: { offset: 4, page_size: 2, item_status: "NORMAL" } })
    expect(deep.body).toMatchObject({ error: "error_param", message: "get items offset over limit, please use the next field" })
    const before = sb.sandbox.clock.nowSeconds()
    sb.advanceClock(10_000)
    await setStock(single().item_id, [{ model_id: 0, seller_stock: [{ stock: 2 }] }])
    const recent = await shopCall("/api/v2/product/get_item_list", {
      query: {
        offset: 0,
        page_size: 100,
        item_status: "NORMAL",
        update_time_from: before + 5,
        update_time_to: sb.sandbox.clock.nowSeconds(),
      },
    })
    expect(recent.body.response.item.map((i: { item_id: number }) => i.item_id)).toEqual([single().item_id])
    const reversed = await shopCall("/api/v2/product/get_item_list", {
      query: { offset: 0, page_size: 10, item_status: "NORMAL", update_time_from: 10, update_time_to: 5 },
    })
    expect(reversed.body.error).toBe("error_update_time_range")
  })

  test("get_item_base_info and get_model_list say has_promotion", async () => {
    const [small] = shirt().models
    await control(sb, "POST", "/_control/promotions", {
      item_id: shirt().item_id,
      models: [{ model_id: small.model_id, reserved_stock: 1 }],
    })
    const info = await shopCall("/api/v2/product/get_item_base_info", { query: { item_id_list: `${single().item_id},${shirt().item_id}` } })
    expect(info.body.response.item_list.map((i: { has_promotion: boolean }) => i.has_promotion)).toEqual([false, true])
    const models = await shopCall("/api/v2/product/get_model_list", { query: { item_id: shirt().item_id } })
    expect(models.body.response.model.map((m: { has_promotion: boolean }) => m.has_promotion)).toEqual([true, false])
    expect(models.body.response.model[0].stock_info_v2.summary_info).toEqual({ total_reserved_stock: 1, total_available_stock: 3 })
  })

  test("search_item finds items by item_sku and pages with an opaque string cursor", async () => {
    for (let i = 0; i < 3; i++) await control(sb, "POST", "/_control/items", { shop_id: SHOP_ID, item_name: `Mug ${i}`, stock: 1 })
    const bySku = await shopCall("/api/v2/product/search_item", { query: { page_size: 10, item_sku: "SHIRT" } })
    expect(bySku.body.response).toEqual({ item_id_list: [shirt().item_id], total_count: 1, next_offset: "" })
    const first = await shopCall("/api/v2/product/search_item", { query: { page_size: 2, item_name: "mug" } })
    expect(first.body.response.item_id_list).toHaveLength(2)
    expect(typeof first.body.response.next_offset).toBe("string")
    expect(first.body.response.next_offset).not.toMatch(/^\d+$/)
    const second = await shopCall("/api/v2/product/search_item", {
      query: { page_size: 2, item_name: "mug", offset: first.body.response.next_offset },
    })
    expect(second.body.response).toMatchObject({ total_count: 3, next_offset: "" })
    expect(second.body.response.item_id_list).toHaveLength(1)
    const numeric = await shopCall("/api/v2/product/search_item", { query: { page_size: 2, item_name: "mug", offset: 2 } })
    expect(numeric.body.error).toBe("error_param")
    const nothing = await shopCall("/api/v2/product/search_item", { query: { page_size: 2 } })
    expect(nothing.body).toMatchObject({ error: "error_param", message: "request must set one of [item_name,attribute_status]" })
  })

  test("get_item_promotion lists each promoted model with what the promotion still reserves", async () => {
    const [small] = shirt().models
    const promotion = await control(sb, "POST", "/_control/promotions", {
      item_id: shirt().item_id,
      promotion_type: "Discount Promotions",
      models: [{ model_id: small.model_id, reserved_stock: 2, promotion_price: 15 }],
    })
    const res = await shopCall("/api/v2/product/get_item_promotion", {
      query: { item_id_list: `${shirt().item_id},${single().item_id},42` },
    })
    expect(res.body.response.success_list).toEqual([
      {
        item_id: shirt().item_id,
        promotion: [
          expect.objectContaining({
            promotion_type: "Discount Promotions",
            promotion_id: promotion.body.promotion_id,
            model_id: small.model_id,
            promotion_price_info: [{ promotion_price: 15 }],
            promotion_staging: "ongoing",
            promotion_stock_info_v2: { summary_info: { total_reserved_stock: 2 } },
          }),
        ],
      },
      { item_id: single().item_id, promotion: [] },
    ])
    expect(res.body.response.failure_list).toEqual([{ item_id: 42, failed_reason: "Product not found" }])
  })
})
