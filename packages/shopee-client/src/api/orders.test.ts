import { clientFor, SHOP_ID, shopFor } from "../test-support/client-for.js"
import { type FakeShopee, startFakeShopee } from "../test-support/fake-shopee.js"
import { GET_ORDER_DETAIL_PATH, GET_ORDER_LIST_PATH, ORDER_DETAIL_OPTIONAL_FIELDS, type OrderListProgress } from "./orders.js"

const DAY = 24 * 60 * 60
let fake: FakeShopee

beforeEach(async () => {
  fake = await startFakeShopee()
})
afterEach(() => fake.close())

const orderSns = (n: number) => Array.from({ length: n }, (_, i) => `2408${String(i).padStart(10, "0")}`)

describe("getOrderDetail", () => {
  beforeEach(() => {
    fake.on(GET_ORDER_DETAIL_PATH, (request) => ({
      response: {
        order_list: request.query
          .get("order_sn_list")!
          .split(",")
          .map((order_sn) => ({ order_sn, order_status: "READY_TO_SHIP" })),
      },
    }))
  })

  it("splits 120 order_sn into calls of 50, 50 and 20, signed as shop calls, in order", async () => {
    const shop = shopFor(fake, clientFor(fake).client)
    const wanted = orderSns(120)
    const { order_list } = await shop.orders.getOrderDetail({ order_sn_list: wanted })

    const sent = fake.callsTo(GET_ORDER_DETAIL_PATH).map((call) => call.query.get("order_sn_list")!.split(","))
    expect(sent.map((batch) => batch.length)).toEqual([50, 50, 20])
    expect(sent.flat()).toEqual(wanted)
    expect(fake.callsTo(GET_ORDER_DETAIL_PATH).every((call) => call.signType === "shop" && call.shopId === SHOP_ID)).toBe(true)
    expect(order_list.map((order) => order.order_sn)).toEqual(wanted)
  })

  it("asks for the optional fields an import needs", async () => {
    const shop = shopFor(fake, clientFor(fake).client)
    await shop.orders.getOrderDetail({ order_sn_list: ["240801ABC"] })
    const asked = fake.callsTo(GET_ORDER_DETAIL_PATH)[0]!.query.get("response_optional_fields")!.split(",")
    expect(asked).toEqual([...ORDER_DETAIL_OPTIONAL_FIELDS])
    for (const field of [
      "item_list",
      "recipient_address",
      "total_amount",
      "buyer_username",
      "buyer_user_id",
      "pay_time",
      "package_list",
      "cancel_reason",
      "shipping_carrier",
      "payment_method",
      "estimated_shipping_fee",
      "actual_shipping_fee",
      "note",
    ]) {
      expect(asked).toContain(field)
    }
  })

  it("sends each order_sn once and makes no call for an empty list", async () => {
    const shop = shopFor(fake, clientFor(fake).client)
    await shop.orders.getOrderDetail({ order_sn_list: ["A1", "B2", "A1"] })
    expect(fake.callsTo(GET_ORDER_DETAIL_PATH)[0]!.query.get("order_sn_list")).toBe("A1,B2")
    await expect(shop.orders.getOrderDetail({ order_sn_list: [] })).resolves.toEqual({ order_list: [] })
    expect(fake.callsTo(GET_ORDER_DETAIL_PATH)).toHaveLength(1)
  })
})

describe("iterateOrderList / collectOrderList", () => {
  it("walks a 40-day range in three windows of at most 15 days, following next_cursor in each", async () => {
    const from = 1_720_000_000
    const to = from + 40 * DAY
    fake.on(GET_ORDER_LIST_PATH, (request) => {
      const time_from = Number(request.query.get("time_from"))
      const time_to = Number(request.query.get("time_to"))
      if (time_to - time_from > 15 * DAY) return { status: 400, raw: { error: "order.order_list_invalid_time", message: "over 15 days" } }
      const cursor = request.query.get("cursor") ?? ""
      const page = cursor === "" ? 0 : Number(cursor.slice(1))
      // Two pages per window; the last order of a window is also returned by the next one (shared second).
      const orders = [`${time_from}-${page}a`, `${time_from}-${page}b`]
      if (page === 1 && time_to !== to) orders.push(`${time_to}-0a`)
      return {
        response: {
          more: page === 0,
          next_cursor: page === 0 ? "p1" : "",
          order_list: orders.map((order_sn) => ({ order_sn, order_status: "READY_TO_SHIP" })),
        },
      }
    })

    const progress: OrderListProgress[] = []
    const shop = shopFor(fake, clientFor(fake).client)
    const orders = await shop.orders.collectOrderList({
      time_range_field: "update_time",
      time_from: from,
      time_to: to,
      onPage: (p) => progress.push(p),
    })

    const calls = fake.callsTo(GET_ORDER_LIST_PATH)
    const windows = [...new Set(calls.map((c) => `${c.query.get("time_from")}-${c.query.get("time_to")}`))]
    expect(windows).toEqual([`${from}-${from + 15 * DAY}`, `${from + 15 * DAY}-${from + 30 * DAY}`, `${from + 30 * DAY}-${to}`])
    expect(calls.map((c) => c.query.get("cursor"))).toEqual(["", "p1", "", "p1", "", "p1"])
    expect(calls.every((c) => c.query.get("time_range_field") === "update_time" && c.query.get("page_size") === "100")).toBe(true)
    expect(fake.refused).toEqual([])
    // 3 windows x 2 pages x 2 orders; the orders on the shared seconds come once.
    expect(orders).toHaveLength(12)
    expect(new Set(orders.map((o) => o.order_sn)).size).toBe(12)
    expect(progress.map((p) => [p.window_index, p.page])).toEqual([
      [0, 1],
      [0, 2],
      [1, 1],
      [1, 2],
      [2, 1],
      [2, 2],
    ])
    expect(progress.at(-1)).toMatchObject({ window_count: 3, orders_so_far: 12 })
  })

  it("yields orders as pages arrive, so a caller can stop early", async () => {
    fake.on(GET_ORDER_LIST_PATH, (_request, index) => ({
      response: { more: true, next_cursor: `c${index + 1}`, order_list: [{ order_sn: `O${index}` }] },
    }))
    const shop = shopFor(fake, clientFor(fake).client)
    const seen: string[] = []
    for await (const order of shop.orders.iterateOrderList({ time_range_field: "create_time", time_from: 0, time_to: DAY })) {
      seen.push(order.order_sn)
      if (seen.length === 3) break
    }
    expect(seen).toEqual(["O0", "O1", "O2"])
    expect(fake.callsTo(GET_ORDER_LIST_PATH)).toHaveLength(3)
  })

  it("fails instead of looping when more=true comes without a new cursor", async () => {
    fake.on(GET_ORDER_LIST_PATH, () => ({ response: { more: true, next_cursor: "", order_list: [] } }))
    const shop = shopFor(fake, clientFor(fake).client)
    await expect(shop.orders.collectOrderList({ time_range_field: "create_time", time_from: 0, time_to: DAY })).rejects.toThrow(
      /next_cursor/
    )
  })
})
