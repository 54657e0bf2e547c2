import type { RunningSandbox } from "../server.js"
import { SHOP_ID, authorizeShop, callApi, control, createOrder, startSandbox, testOptions, type Tokens } from "../test-support/harness.js"

const DAY = 24 * 60 * 60
let now: number
let sb: RunningSandbox
let tokens: Tokens

beforeEach(async () => {
  now = Date.UTC(2024, 5, 1, 12, 0, 0)
  sb = await startSandbox(testOptions({ clock: () => now }))
  tokens = await authorizeShop(sb)
})

afterEach(() => sb.close())

function orderList(query: Record<string, string | number>) {
  return callApi(sb, { path: "/api/v2/order/get_order_list", accessToken: tokens.access_token, shopId: SHOP_ID, query })
}

function orderDetail(query: Record<string, string | number>) {
  return callApi(sb, { path: "/api/v2/order/get_order_detail", accessToken: tokens.access_token, shopId: SHOP_ID, query })
}

const nowSeconds = () => Math.floor(now / 1000)

describe("get_order_list", () => {
  test("pages through orders with cursor and more, each order exactly once", async () => {
    const start = nowSeconds()
    const created: string[] = []
    for (let i = 0; i < 5; i++) {
      created.push((await createOrder(sb)).order_sn)
      now += 1000
    }
    const seen: string[] = []
    let cursor = ""
    let pages = 0
    for (;;) {
      const res = await orderList({ time_range_field: "create_time", time_from: start, time_to: nowSeconds(), page_size: 2, cursor })
      expect(res.body.error).toBe("")
      pages++
      seen.push(...res.body.response.order_list.map((o: { order_sn: string }) => o.order_sn))
      if (!res.body.response.more) {
        expect(res.body.response.next_cursor).toBe("")
        break
      }
      cursor = res.body.response.next_cursor
    }
    expect(pages).toBe(3)
    expect(seen.sort()).toEqual([...created].sort())
  })

  test("filters by update_time and by order_status, and gives the status only when asked", async () => {
    const first = await createOrder(sb)
    now += 60_000
    const second = await createOrder(sb)
    now += 60_000
    const changedFrom = nowSeconds()
    await control(sb, "POST", `/_control/orders/${first.order_sn}/advance`)
    const byUpdate = await orderList({ time_range_field: "update_time", time_from: changedFrom, time_to: nowSeconds(), page_size: 10 })
    expect(byUpdate.body.response.order_list).toEqual([{ order_sn: first.order_sn }])
    const unpaid = await orderList({
      time_range_field: "create_time",
      time_from: nowSeconds() - DAY,
      time_to: nowSeconds(),
      page_size: 10,
      order_status: "UNPAID",
      response_optional_fields: "order_status",
    })
    expect(unpaid.body.response.order_list).toEqual([{ order_sn: second.order_sn, order_status: "UNPAID" }])
  })

  test("accepts a window of exactly 15 days and refuses a longer one with Shopee's order.order_list_invalid_time", async () => {
    const to = nowSeconds()
    const ok = await orderList({ time_range_field: "create_time", time_from: to - 15 * DAY, time_to: to, page_size: 10 })
    expect(ok.body.error).toBe("")
    const tooLong = await orderList({ time_range_field: "create_time", time_from: to - 15 * DAY - 1, time_to: to, page_size: 10 })
    expect(tooLong.status).toBe(400)
    expect(tooLong.body.error).toBe("order.order_list_invalid_time")
    expect(tooLong.body.message).toContain("15")
  })

  test("a window that ends before it starts is order.order_list_invalid_time too", async () => {
    const res = await orderList({ time_range_field: "create_time", time_from: 2000, time_to: 1000, page_size: 10 })
    expect(res.status).toBe(400)
    expect(res.body.error).toBe("order.order_list_invalid_time")
  })

  test.each([
    [{ time_range_field: "pay_time" }, "time_range_field"],
    [{ page_size: 0 }, "page_size"],
    [{ page_size: 101 }, "page_size"],
    [{ time_from: undefined }, "time_from"],
    [{ order_status: "LOST" }, "order_status"],
  ] as [Record<string, unknown>, string][])("refuses bad parameters %j naming %s", async (override, name) => {
    const query: Record<string, string | number> = {}
    const base: Record<string, unknown> = {
      time_range_field: "create_time",
      time_from: nowSeconds() - DAY,
      time_to: nowSeconds(),
      page_size: 10,
      ...override,
    }
    for (const [k, v] of Object.entries(base)) if (v !== undefined) query[k] = v as string | number
    const res = await orderList(query)
    expect(res.status).toBe(400)
    expect(res.body.error).toBe("error_param")
    expect(res.body.message).toContain(name)
  })
})

describe("get_order_detail", () => {
  test("answers only the default fields unless optional ones are asked for", async () => {
    const order = await createOrder(sb)
    const res = await orderDetail({ order_sn_list: order.order_sn })
    const detail = res.body.response.order_list[0]
    expect(detail).toMatchObject({ order_sn: order.order_sn, order_status: "UNPAID", currency: "SGD", region: "SG", cod: false })
    for (const optional of ["item_list", "recipient_address", "total_amount", "buyer_username", "pay_time", "package_list"]) {
      expect(detail).not.toHaveProperty(optional)
    }
  })

  test("answers the optional fields with Shopee's field names", async () => {
    const shirt = sb.sandbox.catalogue.itemsOfShop(SHOP_ID)[1]
    const order = await createOrder(sb, {
      items: [{ item_id: shirt.item_id, model_id: shirt.models[1].model_id, quantity: 2 }],
      buyer_username: "alice",
    })
    const res = await orderDetail({
      order_sn_list: order.order_sn,
      response_optional_fields: "item_list,recipient_address,total_amount,buyer_username,pay_time,package_list,cancel_reason",
    })
    const detail = res.body.response.order_list[0]
    expect(detail.buyer_username).toBe("alice")
    expect(detail.total_amount).toBe(2 * 21 + 2)
    expect(detail.pay_time).toBe(0)
    expect(detail.cancel_reason).toBe("")
    expect(Object.keys(detail.recipient_address).sort()).toEqual([
      "city",
      "district",
      "full_address",
      "name",
      "phone",
      "region",
      "state",
      "town",
      "zipcode",
    ])
    expect(detail.item_list[0]).toMatchObject({
      item_id: shirt.item_id,
      item_name: "Shirt",
      item_sku: "SHIRT",
      model_id: shirt.models[1].model_id,
      model_name: "M",
      model_sku: "SHIRT-M",
      model_quantity_purchased: 2,
      model_original_price: 21,
      model_discounted_price: 21,
    })
    expect(detail.item_list[0].order_item_id).toEqual(expect.any(Number))
    expect(detail.package_list[0]).toMatchObject({
      logistics_status: "LOGISTICS_NOT_START",
      item_list: [{ item_id: shirt.item_id, model_quantity: 2 }],
    })
  })

  test("takes 1 to 50 order_sn and refuses more", async () => {
    const order = await createOrder(sb)
    const fifty = [order.order_sn, ...Array.from({ length: 49 }, (_, i) => `NOPE${i}`)].join(",")
    const ok = await orderDetail({ order_sn_list: fifty })
    expect(ok.body.response.order_list).toHaveLength(1)
    expect(ok.body.warning).toContain("NOPE0")
    const tooMany = await orderDetail({ order_sn_list: `${fifty},NOPE99` })
    expect(tooMany.status).toBe(400)
    expect(tooMany.body.error).toBe("error_param")
    const none = await orderDetail({ order_sn_list: "" })
    expect(none.body.error).toBe("error_param")
  })

  test("does not show another shop's order", async () => {
    const other = await control(sb, "POST", "/_control/items", { shop_id: 700002, item_name: "Elsewhere", stock: 3 })
    const foreign = await control(sb, "POST", "/_control/orders", { shop_id: 700002, items: [{ item_id: other.body.item_id }] })
    const res = await orderDetail({ order_sn_list: foreign.body.order_sn })
    expect(res.status).toBe(404)
    expect(res.body.error).toBe("error_not_found")
  })
})
