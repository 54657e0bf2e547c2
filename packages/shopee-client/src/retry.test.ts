import { GET_ORDER_DETAIL_PATH } from "./api/orders.js"
import { UPDATE_STOCK_PATH } from "./api/products.js"
import { SHIP_ORDER_PATH } from "./api/logistics.js"
import { TOKEN_GET_PATH, ACCESS_TOKEN_GET_PATH } from "./api/auth.js"
import {
  ShopeeDailyLimitError,
  ShopeeNetworkError,
  ShopeeParamError,
  ShopeeRateLimitError,
  ShopeeServerError,
  ShopeeTimeoutError,
} from "./errors.js"
import { backoffDelay, DEFAULT_RETRY_POLICY, type RetryEvent } from "./retry.js"
import { clientFor, shopFor } from "./test-support/client-for.js"
import { errorEnvelope, type FakeReply, type FakeShopee, startFakeShopee } from "./test-support/fake-shopee.js"

describe("backoffDelay", () => {
  const policy = { maxAttempts: 6, baseDelayMs: 100, maxDelayMs: 1_000 }

  it("doubles the cap with each retry up to the maximum, and draws uniformly below it (full jitter)", () => {
    expect([1, 2, 3, 4, 5].map((retry) => backoffDelay(retry, policy, () => 0.999999))).toEqual([99, 199, 399, 799, 999])
    expect([1, 2, 3].map((retry) => backoffDelay(retry, policy, () => 0.5))).toEqual([50, 100, 200])
    expect(backoffDelay(3, policy, () => 0)).toBe(0)
  })
})

describe("retries", () => {
  let fake: FakeShopee
  beforeEach(async () => {
    fake = await startFakeShopee()
  })
  afterEach(() => fake.close())

  const failThenSucceed =
    (failures: FakeReply[], success: FakeReply = { response: { order_list: [] } }) =>
    (_request: unknown, index: number) =>
      failures[index] ?? success

  it.each<[string, FakeReply]>([
    ["HTTP 500", { status: 500, text: "<html>Internal Server Error</html>" }],
    ["HTTP 503 with error_server", { status: 503, raw: errorEnvelope("error_server", "System error") }],
    ["error_rate_limit", { status: 429, raw: errorEnvelope("error_rate_limit", "Too many requests") }],
    ["a dropped connection", { destroy: true }],
  ])("retries a read after %s, with exponential backoff and jitter", async (_label, failure) => {
    fake.on(GET_ORDER_DETAIL_PATH, failThenSucceed([failure, failure, failure]))
    const events: RetryEvent[] = []
    const { client, sleeps } = clientFor(fake, { onRetry: (event) => events.push(event) })
    const shop = shopFor(fake, client)

    await expect(shop.orders.getOrderDetail({ order_sn_list: ["A1"] })).resolves.toEqual({ order_list: [] })
    expect(fake.callsTo(GET_ORDER_DETAIL_PATH)).toHaveLength(4)
    // random() = 0.5 and the default policy: half of 500, 1000, 2000 ms.
    expect(sleeps).toEqual([250, 500, 1000])
    expect(events.map((e) => [e.path, e.attempt, e.delayMs])).toEqual([
      [GET_ORDER_DETAIL_PATH, 1, 250],
      [GET_ORDER_DETAIL_PATH, 2, 500],
      [GET_ORDER_DETAIL_PATH, 3, 1000],
    ])
  })

  it("gives up after maxAttempts and surfaces the last typed error", async () => {
    fake.on(GET_ORDER_DETAIL_PATH, () => ({ status: 429, raw: errorEnvelope("error_rate_limit", "slow down") }))
    const { client, sleeps } = clientFor(fake)
    const shop = shopFor(fake, client)
    await expect(shop.orders.getOrderDetail({ order_sn_list: ["A1"] })).rejects.toBeInstanceOf(ShopeeRateLimitError)
    expect(fake.callsTo(GET_ORDER_DETAIL_PATH)).toHaveLength(DEFAULT_RETRY_POLICY.maxAttempts)
    expect(sleeps).toHaveLength(DEFAULT_RETRY_POLICY.maxAttempts - 1)
  })

  it("retries a read that times out, each attempt with its own timeout", async () => {
    fake.on(GET_ORDER_DETAIL_PATH, failThenSucceed([{ hang: true }]))
    const { client } = clientFor(fake, { timeoutMs: 150 })
    const shop = shopFor(fake, client)
    await expect(shop.orders.getOrderDetail({ order_sn_list: ["A1"] })).resolves.toEqual({ order_list: [] })
    expect(fake.callsTo(GET_ORDER_DETAIL_PATH)).toHaveLength(2)
  })

  it.each<[string, FakeReply, new (...args: never[]) => Error]>([
    ["error_param", { status: 400, raw: errorEnvelope("error_param", "bad order_sn") }, ShopeeParamError],
    ["error_limit (the daily quota)", { status: 429, raw: errorEnvelope("error_limit", "daily limit") }, ShopeeDailyLimitError],
  ])("does not retry %s: the same request would fail the same way", async (_label, failure, Family) => {
    fake.on(GET_ORDER_DETAIL_PATH, () => failure)
    const { client, sleeps } = clientFor(fake)
    const shop = shopFor(fake, client)
    await expect(shop.orders.getOrderDetail({ order_sn_list: ["A1"] })).rejects.toBeInstanceOf(Family)
    expect(fake.callsTo(GET_ORDER_DETAIL_PATH)).toHaveLength(1)
    expect(sleeps).toEqual([])
  })

  it.each<[string, FakeReply, new (...args: never[]) => Error]>([
    ["a 5xx", { status: 502, text: "Bad Gateway" }, ShopeeServerError],
    ["error_rate_limit", { status: 429, raw: errorEnvelope("error_rate_limit", "slow down") }, ShopeeRateLimitError],
    ["a dropped connection", { destroy: true }, ShopeeNetworkError],
    ["a timeout", { hang: true }, ShopeeTimeoutError],
  ])("never retries ship_order after %s", async (_label, failure, Family) => {
    fake.on(SHIP_ORDER_PATH, () => failure)
    const { client, sleeps } = clientFor(fake, { timeoutMs: 150 })
    const shop = shopFor(fake, client)
    await expect(
      shop.logistics.shipOrder({ order_sn: "240801ABC", pickup: { address_id: 1, pickup_time_id: "t1" } })
    ).rejects.toBeInstanceOf(Family)
    expect(fake.callsTo(SHIP_ORDER_PATH)).toHaveLength(1)
    expect(sleeps).toEqual([])
  })

  it("never retries the single-use code exchange or refresh", async () => {
    fake.on(TOKEN_GET_PATH, () => ({ status: 503, text: "unavailable" }))
    fake.on(ACCESS_TOKEN_GET_PATH, () => ({ destroy: true }))
    const { client } = clientFor(fake)
    await expect(client.auth.getAccessToken({ code: "code-123456789", shop_id: 600000 })).rejects.toBeInstanceOf(ShopeeServerError)
    await expect(client.auth.refreshAccessToken({ refresh_token: "refresh-123456789", shop_id: 600000 })).rejects.toBeInstanceOf(
      ShopeeNetworkError
    )
    expect(fake.callsTo(TOKEN_GET_PATH)).toHaveLength(1)
    expect(fake.callsTo(ACCESS_TOKEN_GET_PATH)).toHaveLength(1)
  })

  it("retries update_stock, which sets absolute values and is therefore idempotent", async () => {
    fake.on(
      UPDATE_STOCK_PATH,
      failThenSucceed([{ status: 500, text: "oops" }], { response: { success_list: [{ model_id: 0, stock: 3 }], failure_list: [] } })
    )
    const { client, sleeps } = clientFor(fake)
    const shop = shopFor(fake, client)
    await expect(shop.products.updateStock({ item_id: 77, stock_list: [{ model_id: 0, seller_stock: [{ stock: 3 }] }] })).resolves.toEqual({
      success_list: [{ model_id: 0, stock: 3 }],
      failure_list: [],
    })
    expect(fake.callsTo(UPDATE_STOCK_PATH)).toHaveLength(2)
    expect(sleeps).toHaveLength(1)
  })

  it("signs each retry with a fresh timestamp", async () => {
    let now = Date.now()
    fake.on(GET_ORDER_DETAIL_PATH, failThenSucceed([{ status: 500, text: "oops" }]))
    const { client } = clientFor(fake, {
      now: () => now,
      sleep: async (ms) => {
        now += ms + 60_000
      },
    })
    const shop = shopFor(fake, client)
    await shop.orders.getOrderDetail({ order_sn_list: ["A1"] })
    const [first, second] = fake.callsTo(GET_ORDER_DETAIL_PATH).map((c) => Number(c.query.get("timestamp")))
    expect(second! - first!).toBeGreaterThanOrEqual(60)
  })
})
