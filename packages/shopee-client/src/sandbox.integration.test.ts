/**
 * The client against the Shopee simulator (packages/shopee-sandbox): the same calls as the
 * unit tests, but answered by a full simulation (token lifecycle, orders, stock, faults).
 * Imported by relative path until the sandbox is a devDependency of this package.
 */
import { type RunningSandbox, startSandbox } from "@shopee-medusa/shopee-sandbox"
import { ShopeeClient } from "./client.js"
import { ShopeeAuthError, ShopeeServerError } from "./errors.js"
import { TokenSource, type TokenStore } from "./token-source.js"
import { logisticsRefusalOf } from "./vocabulary.js"
import { type ShopeeTokens, tokensFromResponse } from "./tokens.js"

const PARTNER = { partner_id: 1000001, partner_key: "client-it-partner-key-0001", push_partner_key: "client-it-push-key-0001" }
const SHOP_ID = 700001
const DAY = 24 * 60 * 60 * 1000

let sb: RunningSandbox
let client: ShopeeClient
let saved: Map<string, ShopeeTokens>
let store: TokenStore

async function control(method: string, path: string, body?: unknown): Promise<any> {
  const response = await fetch(sb.url + path, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const json: unknown = await response.json()
  if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`)
  return json
}

const requestsTo = async (path: string): Promise<unknown[]> => control("GET", `/_control/requests?path=${encodeURIComponent(path)}`)

beforeEach(async () => {
  sb = await startSandbox({
    // No callback URL: every push is lost at once and waits for get_lost_push_message.
    partners: [{ ...PARTNER, callback_url: null }],
    shops: [
      {
        shop_id: SHOP_ID,
        shop_name: "Client test shop",
        region: "SG",
        items: [
          { item_name: "Tea bowl", item_sku: "BOWL", price: 48, stock: 1 },
          {
            item_name: "Tote",
            item_sku: "TOTE",
            models: [
              { model_name: "Natural", model_sku: "TOTE-NAT", price: 25, stock: 12 },
              { model_name: "Indigo", model_sku: "TOTE-IND", price: 27, stock: 5, reserved_stock: 2 },
            ],
          },
        ],
      },
    ],
  })
  client = new ShopeeClient({
    partnerId: PARTNER.partner_id,
    partnerKey: PARTNER.partner_key,
    baseUrl: sb.url,
    // The sandbox's clock, so that moving it forward moves the client's timestamps too.
    now: () => sb.sandbox.clock.nowMs(),
    sleep: async () => {},
    timeoutMs: 2_000,
  })
  saved = new Map()
  store = { load: async (key) => saved.get(key), save: async (key, tokens) => void saved.set(key, tokens) }

  const { code } = await control("POST", "/_control/auth_code", { partner_id: PARTNER.partner_id, shop_id: SHOP_ID })
  const answer = await client.auth.getAccessToken({ code, shop_id: SHOP_ID })
  await store.save(`shop:${SHOP_ID}`, tokensFromResponse(answer, sb.sandbox.clock.nowMs()))
})
afterEach(() => sb.close())

function shop() {
  return client.shop({ shopId: SHOP_ID, tokens: new TokenSource({ auth: client.auth, store, now: () => sb.sandbox.clock.nowMs() }) })
}

describe("against the Shopee sandbox", () => {
  it("refuses a second use of an authorization code", async () => {
    const { code } = await control("POST", "/_control/auth_code", { partner_id: PARTNER.partner_id, shop_id: SHOP_ID })
    await client.auth.getAccessToken({ code, shop_id: SHOP_ID })
    await expect(client.auth.getAccessToken({ code, shop_id: SHOP_ID })).rejects.toBeInstanceOf(ShopeeAuthError)
  })

  it("imports orders over 40 days: windows, cursors, details with optional fields, refreshing tokens as time passes", async () => {
    const items = sb.sandbox.catalogue.itemsOfShop(SHOP_ID)
    const created: string[] = []
    const start = sb.sandbox.clock.nowSeconds() - 1
    const s = shop()
    for (let step = 0; step < 3; step++) {
      if (step > 0) {
        sb.advanceClock(18 * DAY)
        // The connector's scheduled job touches the shop regularly, so its refresh token never lapses.
        await s.products.getItemList({ item_status: "NORMAL" })
      }
      for (let i = 0; i < 2; i++) {
        const order = await control("POST", "/_control/orders", {
          shop_id: SHOP_ID,
          status: "READY_TO_SHIP",
          items: [{ item_id: items[1]!.item_id, model_id: items[1]!.models[0]!.model_id, quantity: 1 }],
        })
        created.push(order.order_sn)
      }
    }
    const listed = await s.orders.collectOrderList({
      time_range_field: "create_time",
      time_from: start,
      time_to: start + 40 * 24 * 60 * 60,
      page_size: 1,
    })
    expect(listed.map((o) => o.order_sn).sort()).toEqual([...created].sort())
    expect(listed.every((o) => o.order_status === "READY_TO_SHIP")).toBe(true)

    const { order_list } = await s.orders.getOrderDetail({ order_sn_list: created })
    expect(order_list.map((o) => o.order_sn).sort()).toEqual([...created].sort())
    expect(order_list[0]!.item_list![0]).toMatchObject({ item_id: items[1]!.item_id, model_sku: "TOTE-NAT", model_quantity_purchased: 1 })
    expect(order_list[0]!.recipient_address).toBeDefined()
    expect(typeof order_list[0]!.total_amount).toBe("number")
    // Once per 18-day step: the access token had expired each time.
    expect(await requestsTo("/api/v2/auth/access_token/get")).toHaveLength(2)
  })

  it("makes one refresh for 10 concurrent calls after the access token expired", async () => {
    sb.advanceClock(5 * 60 * 60 * 1000)
    const s = shop()
    await Promise.all(Array.from({ length: 10 }, () => s.products.getItemList({ item_status: "NORMAL" })))
    expect(await requestsTo("/api/v2/auth/access_token/get")).toHaveLength(1)
    expect(saved.get(`shop:${SHOP_ID}`)!.accessTokenExpiresAt).toBeGreaterThan(sb.sandbox.clock.nowMs())
  })

  it("reads items and models, and sets stock with partial failures reported", async () => {
    const s = shop()
    const { item } = await s.products.getItemList({ item_status: ["NORMAL"] })
    expect(item).toHaveLength(2)
    const { item_list } = await s.products.getItemBaseInfo({ item_id_list: item.map((i) => i.item_id) })
    const tote = item_list.find((i) => i.item_sku === "TOTE")!
    expect(tote.has_model).toBe(true)
    const { model } = await s.products.getModelList({ item_id: tote.item_id })
    const natural = model.find((m) => m.model_sku === "TOTE-NAT")!
    const indigo = model.find((m) => m.model_sku === "TOTE-IND")!

    const result = await s.products.updateStock({
      item_id: tote.item_id,
      stock_list: [
        { model_id: natural.model_id, seller_stock: [{ stock: 7 }] },
        // Below the 2 reserved for a promotion: Shopee refuses this model only.
        { model_id: indigo.model_id, seller_stock: [{ stock: 1 }] },
      ],
    })
    expect(result.success_list.map((m) => m.model_id)).toEqual([natural.model_id])
    expect(result.failure_list.map((m) => m.model_id)).toEqual([indigo.model_id])
    const after = await s.products.getModelList({ item_id: tote.item_id })
    const stockOf = (id: number) => after.model.find((m) => m.model_id === id)!.stock_info_v2!.seller_stock![0]!.stock
    expect(stockOf(natural.model_id)).toBe(7)
    expect(stockOf(indigo.model_id)).toBe(5)
  })

  it("ships an order and reads its tracking number once assigned", async () => {
    const items = sb.sandbox.catalogue.itemsOfShop(SHOP_ID)
    const order = await control("POST", "/_control/orders", {
      shop_id: SHOP_ID,
      status: "READY_TO_SHIP",
      items: [{ item_id: items[0]!.item_id }],
    })
    const s = shop()
    const parameters = await s.logistics.getShippingParameter({ order_sn: order.order_sn })
    const address = parameters.pickup!.address_list![0]!
    await s.logistics.shipOrder({
      order_sn: order.order_sn,
      pickup: { address_id: address.address_id, pickup_time_id: address.time_slot_list![0]!.pickup_time_id },
    })
    await control("POST", `/_control/orders/${order.order_sn}/tracking_number`, {})
    const { tracking_number } = await s.logistics.getTrackingNumber({ order_sn: order.order_sn })
    expect(tracking_number).not.toBe("")
  })

  it("reads the simulator's logistics refusals as Shopee's: being allocated, already shipped, cancelled", async () => {
    const items = sb.sandbox.catalogue.itemsOfShop(SHOP_ID)
    const order = await control("POST", "/_control/orders", {
      shop_id: SHOP_ID,
      status: "READY_TO_SHIP",
      items: [{ item_id: items[0]!.item_id }],
    })
    const s = shop()
    const refusal = (promise: Promise<unknown>) =>
      promise.then(
        () => null,
        (error) => logisticsRefusalOf(error)
      )
    await control("POST", `/_control/orders/${order.order_sn}/logistics`, { allocating: true })
    expect(await refusal(s.logistics.getShippingParameter({ order_sn: order.order_sn }))).toBe("being_allocated")
    await control("POST", `/_control/orders/${order.order_sn}/logistics`, { allocating: false })
    await s.logistics.shipOrder({ order_sn: order.order_sn, dropoff: { branch_id: 3001 } })
    expect(await refusal(s.logistics.shipOrder({ order_sn: order.order_sn, dropoff: { branch_id: 3001 } }))).toBe("already_shipped")
    const tote = items[1]!
    const cancelled = await control("POST", "/_control/orders", {
      shop_id: SHOP_ID,
      status: "READY_TO_SHIP",
      items: [{ item_id: tote.item_id, model_id: tote.models[0]!.model_id }],
    })
    await control("POST", `/_control/orders/${cancelled.order_sn}/cancel`, {})
    expect(await refusal(s.logistics.shipOrder({ order_sn: cancelled.order_sn, dropoff: { branch_id: 3001 } }))).toBe("order_cancelled")
  })

  it("retries a read through injected rate limits and 5xx, and never retries ship_order", async () => {
    await control("POST", "/_control/faults", { kind: "rate_limit", route: "/api/v2/product/get_item_list", times: 1 })
    await control("POST", "/_control/faults", { kind: "server_error", route: "/api/v2/product/get_item_list", status: 503, times: 1 })
    const s = shop()
    await expect(s.products.getItemList({ item_status: "NORMAL" })).resolves.toMatchObject({ total_count: 2 })
    expect(await requestsTo("/api/v2/product/get_item_list")).toHaveLength(3)

    await control("POST", "/_control/faults", { kind: "server_error", route: "/api/v2/logistics/ship_order", status: 502, times: 1 })
    await expect(s.logistics.shipOrder({ order_sn: "NOPE", pickup: { address_id: 1, pickup_time_id: "x" } })).rejects.toBeInstanceOf(
      ShopeeServerError
    )
    expect(await requestsTo("/api/v2/logistics/ship_order")).toHaveLength(1)
  })

  it("recovers lost pushes and confirms them", async () => {
    const items = sb.sandbox.catalogue.itemsOfShop(SHOP_ID)
    const order = await control("POST", "/_control/orders", {
      shop_id: SHOP_ID,
      status: "READY_TO_SHIP",
      items: [{ item_id: items[0]!.item_id }],
    })
    const lost = await client.push.getLostPushMessage()
    const mentions = lost.push_message_list.filter((m) => JSON.stringify(m.data).includes(order.order_sn))
    expect(mentions.length).toBeGreaterThan(0)
    await client.push.confirmConsumedLostPushMessage({ last_message_id: lost.last_message_id })
    expect((await client.push.getLostPushMessage()).push_message_list).toEqual([])
  })
})
