import { clientFor, shopFor } from "../test-support/client-for.js"
import { type FakeShopee, startFakeShopee } from "../test-support/fake-shopee.js"
import { ShopeeError, ShopeeParamError } from "../errors.js"
import {
  GET_ITEM_BASE_INFO_PATH,
  GET_ITEM_LIST_PATH,
  GET_ITEM_PROMOTION_PATH,
  GET_MODEL_LIST_PATH,
  SEARCH_ITEM_PATH,
  UPDATE_STOCK_PATH,
} from "./products.js"

let fake: FakeShopee
beforeEach(async () => {
  fake = await startFakeShopee()
})
afterEach(() => fake.close())

describe("products", () => {
  it("sends every item_status as its own query key", async () => {
    fake.on(GET_ITEM_LIST_PATH, () => ({
      response: { item: [{ item_id: 1, item_status: "NORMAL", update_time: 1 }], total_count: 1, has_next_page: false, next_offset: 0 },
    }))
    const shop = shopFor(fake, clientFor(fake).client)
    const page = await shop.products.getItemList({ item_status: ["NORMAL", "UNLIST"], page_size: 50 })
    const query = fake.callsTo(GET_ITEM_LIST_PATH)[0]!.query
    expect(query.getAll("item_status")).toEqual(["NORMAL", "UNLIST"])
    expect([query.get("offset"), query.get("page_size")]).toEqual(["0", "50"])
    expect(query.has("update_time_from")).toBe(false)
    expect(page.item).toHaveLength(1)
  })

  it("reads a page without items (Shopee omits the list) as an empty page", async () => {
    fake.on(GET_ITEM_LIST_PATH, () => ({ response: { total_count: 0, has_next_page: false } }))
    const shop = shopFor(fake, clientFor(fake).client)
    await expect(shop.products.getItemList({ item_status: "NORMAL" })).resolves.toEqual({
      item: [],
      total_count: 0,
      has_next_page: false,
      next_offset: 0,
    })
  })

  it("asks for item base info 50 ids at a time", async () => {
    fake.on(GET_ITEM_BASE_INFO_PATH, (request) => ({
      response: {
        item_list: request.query
          .get("item_id_list")!
          .split(",")
          .map((id) => ({ item_id: Number(id) })),
      },
    }))
    const shop = shopFor(fake, clientFor(fake).client)
    const ids = Array.from({ length: 101 }, (_, i) => 1000 + i)
    const { item_list } = await shop.products.getItemBaseInfo({ item_id_list: ids })
    expect(fake.callsTo(GET_ITEM_BASE_INFO_PATH).map((c) => c.query.get("item_id_list")!.split(",").length)).toEqual([50, 50, 1])
    expect(item_list.map((item) => item.item_id)).toEqual(ids)
  })

  it("returns the models of an item with their seller stock", async () => {
    fake.on(GET_MODEL_LIST_PATH, () => ({
      response: {
        tier_variation: [{ name: "Size", option_list: [{ option: "S" }] }],
        model: [{ model_id: 9, model_sku: "TEE-S", tier_index: [0], stock_info_v2: { seller_stock: [{ location_id: "L1", stock: 4 }] } }],
      },
    }))
    const shop = shopFor(fake, clientFor(fake).client)
    const { model } = await shop.products.getModelList({ item_id: 5 })
    expect(fake.callsTo(GET_MODEL_LIST_PATH)[0]!.query.get("item_id")).toBe("5")
    expect(model[0]!.stock_info_v2!.seller_stock![0]!.stock).toBe(4)
  })

  it("reports a partial update_stock answer: what succeeded and what failed, without throwing", async () => {
    fake.on(UPDATE_STOCK_PATH, (request) => {
      const body = request.body as { stock_list: { model_id: number; seller_stock: { stock: number }[] }[] }
      return {
        response: {
          success_list: body.stock_list
            .filter((m) => m.model_id !== 2)
            .map((m) => ({ model_id: m.model_id, stock: m.seller_stock[0]!.stock })),
          failure_list: body.stock_list
            .filter((m) => m.model_id === 2)
            .map((m) => ({ model_id: m.model_id, failed_reason: "stock below reserved" })),
        },
      }
    })
    const shop = shopFor(fake, clientFor(fake).client)
    const result = await shop.products.updateStock({
      item_id: 77,
      stock_list: [1, 2, 3].map((model_id) => ({ model_id, seller_stock: [{ stock: model_id * 10 }] })),
    })
    expect(fake.callsTo(UPDATE_STOCK_PATH)[0]!.body).toEqual({
      item_id: 77,
      stock_list: [1, 2, 3].map((model_id) => ({ model_id, seller_stock: [{ stock: model_id * 10 }] })),
    })
    expect(result).toEqual({
      success_list: [
        { model_id: 1, stock: 10 },
        { model_id: 3, stock: 30 },
      ],
      failure_list: [{ model_id: 2, failed_reason: "stock below reserved" }],
    })
  })

  it("keeps the success_list when Shopee answers an error beside a partial success, and reports the error", async () => {
    fake.on(UPDATE_STOCK_PATH, () => ({
      raw: {
        request_id: "r-1",
        error: "error_busi_update_stock_failed",
        message: "Update stock failed, please check failure_list for detailed reason",
        response: {
          success_list: [{ model_id: 1, location_id: "SGZ", stock: 10 }],
          failure_list: [{ model_id: 2, failed_reason: "Cannot change stock when item is under promotion." }],
        },
      },
    }))
    const shop = shopFor(fake, clientFor(fake).client)
    const result = await shop.products.updateStock({
      item_id: 77,
      stock_list: [1, 2].map((model_id) => ({ model_id, seller_stock: [{ stock: 10 }] })),
    })
    expect(result).toEqual({
      success_list: [{ model_id: 1, location_id: "SGZ", stock: 10 }],
      failure_list: [{ model_id: 2, failed_reason: "Cannot change stock when item is under promotion." }],
      errors: [
        {
          error: "error_busi_update_stock_failed",
          message: "Update stock failed, please check failure_list for detailed reason",
          request_id: "r-1",
        },
      ],
    })
    expect(fake.callsTo(UPDATE_STOCK_PATH)).toHaveLength(1)
  })

  it("throws an update_stock error that comes without a per-model answer", async () => {
    fake.on(UPDATE_STOCK_PATH, () => ({
      raw: { request_id: "r-2", error: "error_holiday_mode_change_stock", message: "Cannot change stock in holiday mode." },
    }))
    const shop = shopFor(fake, clientFor(fake).client)
    const failure = shop.products.updateStock({ item_id: 77, stock_list: [{ model_id: 0, seller_stock: [{ stock: 1 }] }] })
    await expect(failure).rejects.toBeInstanceOf(ShopeeError)
    await expect(failure).rejects.toMatchObject({ error: "error_holiday_mode_change_stock" })
  })

  it("sends one item per call and at most 50 models per call", async () => {
    fake.on(UPDATE_STOCK_PATH, () => ({ response: { success_list: [], failure_list: [] } }))
    const shop = shopFor(fake, clientFor(fake).client)
    await shop.products.updateStock({
      item_id: 77,
      stock_list: Array.from({ length: 60 }, (_, i) => ({ model_id: i + 1, seller_stock: [{ stock: 1 }] })),
    })
    const bodies = fake.callsTo(UPDATE_STOCK_PATH).map((c) => c.body as { item_id: number; stock_list: unknown[] })
    expect(bodies.map((b) => [b.item_id, b.stock_list.length])).toEqual([
      [77, 50],
      [77, 10],
    ])
  })

  it("searches items by SKU and passes the string cursor back as it came", async () => {
    fake.on(SEARCH_ITEM_PATH, (request) => ({
      response: request.query.has("offset")
        ? { item_id_list: [3], total_count: 3, next_offset: "" }
        : { item_id_list: [1, 2], total_count: 3, next_offset: "c2VhcmNoOjI" },
    }))
    const shop = shopFor(fake, clientFor(fake).client)
    const first = await shop.products.searchItem({ item_sku: "TEE", page_size: 2 })
    expect(first).toEqual({ item_id_list: [1, 2], total_count: 3, next_offset: "c2VhcmNoOjI" })
    const second = await shop.products.searchItem({ item_sku: "TEE", page_size: 2, offset: first.next_offset })
    expect(second.next_offset).toBe("")
    const queries = fake.callsTo(SEARCH_ITEM_PATH).map((c) => c.query)
    expect(queries[0]!.get("item_sku")).toBe("TEE")
    expect(queries[0]!.has("offset")).toBe(false)
    expect(queries[1]!.get("offset")).toBe("c2VhcmNoOjI")
  })

  it("asks for item promotions 50 ids at a time and joins the lists", async () => {
    fake.on(GET_ITEM_PROMOTION_PATH, (request) => ({
      response: {
        success_list: request.query
          .get("item_id_list")!
          .split(",")
          .map((id) => ({ item_id: Number(id), promotion: [] })),
        failure_list: [],
      },
    }))
    const shop = shopFor(fake, clientFor(fake).client)
    const ids = Array.from({ length: 60 }, (_, i) => 500 + i)
    const result = await shop.products.getItemPromotion({ item_id_list: ids })
    expect(fake.callsTo(GET_ITEM_PROMOTION_PATH).map((c) => c.query.get("item_id_list")!.split(",").length)).toEqual([50, 10])
    expect(result.success_list.map((s) => s.item_id)).toEqual(ids)
  })

  it("surfaces a refused search as a typed error", async () => {
    fake.on(SEARCH_ITEM_PATH, () => ({
      status: 400,
      raw: { request_id: "r", error: "error_param", message: "request must set one of [item_name,attribute_status]" },
    }))
    const shop = shopFor(fake, clientFor(fake).client)
    await expect(shop.products.searchItem({})).rejects.toBeInstanceOf(ShopeeParamError)
  })
})
