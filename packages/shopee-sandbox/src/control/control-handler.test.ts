import type { RunningSandbox } from "../server.js"
import { PARTNER, SHOP_ID, authorizeShop, control, createOrder, startSandbox, testOptions } from "../test-support/harness.js"

let sb: RunningSandbox

beforeEach(async () => {
  sb = await startSandbox(testOptions())
})

afterEach(() => sb.close())

describe("control API validation", () => {
  test.each([
    ["/_control/partners", { partner_key: "k", push_partner_key: "p" }, "partner_id"],
    ["/_control/partners", { partner_id: 5, partner_key: "k", push_partner_key: "p", callback_url: "ftp://x" }, "callback_url"],
    ["/_control/shops", { region: "singapore" }, "region"],
    ["/_control/shops", { shop_id: "abc" }, "shop_id"],
    ["/_control/items", { shop_id: SHOP_ID }, "item_name"],
    ["/_control/items", { shop_id: 1, item_name: "x" }, "shop_id"],
    ["/_control/items", { shop_id: SHOP_ID, item_name: "x", models: [{ stock: -1 }] }, "models[0].stock"],
    ["/_control/items", { shop_id: SHOP_ID, item_name: "x", colour: "red" }, "colour"],
    ["/_control/orders", { shop_id: SHOP_ID }, "items"],
    ["/_control/orders", { shop_id: SHOP_ID, items: [] }, "items"],
    ["/_control/orders", { shop_id: SHOP_ID, items: [{ item_id: 1 }] }, "items[0].item_id"],
    ["/_control/orders", { shop_id: SHOP_ID, items: [{ item_id: 1, quantity: 0 }] }, "items[0].quantity"],
    ["/_control/orders", { shop_id: 999, items: [{ item_id: 1 }] }, "shop_id"],
    ["/_control/orders", { shop_id: SHOP_ID, items: [{ item_id: 1 }], status: "SHIPPED" }, "status"],
    ["/_control/auth_code", { partner_id: PARTNER.partner_id }, "shop_id"],
    ["/_control/auth_code", { partner_id: 1, shop_id: SHOP_ID }, "partner_id"],
    ["/_control/auth_code", { partner_id: PARTNER.partner_id, shop_id: 42 }, "shop_id"],
    ["/_control/faults", { kind: "explode" }, "kind"],
    ["/_control/faults", { kind: "latency" }, "latency_ms"],
    ["/_control/faults", { kind: "server_error", status: 404 }, "status"],
    ["/_control/pushes/test", { partner_id: PARTNER.partner_id, code: 3 }, "order_sn"],
    ["/_control/clock", { advance_ms: -5 }, "advance_ms"],
    ["/_control/items/bulk", { items: [{ item_name: "x" }] }, "shop_id"],
    ["/_control/items/bulk", { shop_id: SHOP_ID, items: [{ item_name: "x", shop_id: SHOP_ID }] }, "items[0].shop_id"],
    ["/_control/promotions", { item_id: 1, models: [{ model_id: 0, reserved_stock: 1 }] }, "item_id"],
    ["/_control/promotions", { item_id: 800000001 }, "models"],
    ["/_control/promotions", { item_id: 800000001, models: [{ model_id: 5, reserved_stock: 1 }] }, "models[0].model_id"],
    ["/_control/stock_failures", { item_id: 1 }, "item_id"],
    ["/_control/stock_failures", { item_id: 800000001, model_id: 9 }, "model_id"],
    ["/_control/pushes/hold", { code: 0 }, "code"],
  ])("POST %s %j answers 400 naming %s", async (path, body, field) => {
    const res = await control(sb, "POST", path, body)
    expect(res.status).toBe(400)
    expect(res.body).toMatchObject({ error: "invalid_field", field })
    expect(res.body.message).toContain(field)
  })

  test("malformed JSON is a 400 invalid_json", async () => {
    const res = await control(sb, "POST", "/_control/orders", "{not json")
    expect(res.status).toBe(400)
    expect(res.body.error).toBe("invalid_json")
  })

  test("a duplicate partner or shop is a 409", async () => {
    expect((await control(sb, "POST", "/_control/partners", PARTNER)).status).toBe(409)
    expect((await control(sb, "POST", "/_control/shops", { shop_id: SHOP_ID })).status).toBe(409)
  })

  test("an unknown endpoint is a 404 and a wrong method a 405 naming the allowed ones", async () => {
    expect((await control(sb, "GET", "/_control/nothing")).status).toBe(404)
    const wrong = await control(sb, "PUT", "/_control/orders")
    expect(wrong.status).toBe(405)
    expect(wrong.body.message).toContain("GET, POST")
    expect((await control(sb, "GET", "/_control/orders/NOPE")).status).toBe(404)
  })
})

describe("control API actions", () => {
  test("creates a partner, a shop and an item with models and per-location stock", async () => {
    const partner = await control(sb, "POST", "/_control/partners", {
      partner_id: 3000001,
      partner_key: "k",
      push_partner_key: "p",
      callback_url: "http://127.0.0.1:1/hook",
    })
    expect(partner.status).toBe(201)
    const shop = await control(sb, "POST", "/_control/shops", { shop_name: "New", region: "MY", location_ids: ["MYA", "MYB"] })
    expect(shop.body).toMatchObject({ shop_name: "New", region: "MY", currency: "MYR", location_ids: ["MYA", "MYB"] })
    const item = await control(sb, "POST", "/_control/items", {
      shop_id: shop.body.shop_id,
      item_name: "Vase",
      models: [
        {
          model_name: "Blue",
          stock: [
            { location_id: "MYA", stock: 1 },
            { location_id: "MYB", stock: 2 },
          ],
        },
      ],
    })
    expect(item.status).toBe(201)
    expect(item.body.has_model).toBe(true)
    expect(item.body.models[0].seller_stock).toEqual([
      { location_id: "MYA", stock: 1 },
      { location_id: "MYB", stock: 2 },
    ])
  })

  test("PATCH a partner's callback URL, and null removes it", async () => {
    const res = await control(sb, "PATCH", `/_control/partners/${PARTNER.partner_id}`, { callback_url: "http://127.0.0.1:9/x" })
    expect(res.body.callback_url).toBe("http://127.0.0.1:9/x")
    const cleared = await control(sb, "PATCH", `/_control/partners/${PARTNER.partner_id}`, { callback_url: null })
    expect(cleared.body.callback_url).toBeNull()
  })

  test("reset returns to the starting data and forgets orders, tokens, faults and the request log", async () => {
    await authorizeShop(sb)
    await createOrder(sb)
    await control(sb, "POST", "/_control/faults", { kind: "drop_push" })
    await control(sb, "POST", "/_control/shops", { shop_name: "Extra" })
    expect((await control(sb, "POST", "/_control/reset")).status).toBe(200)
    const state = await control(sb, "GET", "/_control/state")
    expect(state.body.orders).toEqual([])
    expect(state.body.access_tokens).toEqual([])
    expect(state.body.shops.map((s: { shop_id: number }) => s.shop_id)).toEqual([SHOP_ID, 700002])
    expect(state.body.items[0].models[0].seller_stock[0].stock).toBe(5)
    expect((await control<unknown[]>(sb, "GET", "/_control/faults")).body).toEqual([])
    expect((await control<unknown[]>(sb, "GET", "/_control/requests")).body).toEqual([])
  })

  test("the clock endpoint moves the sandbox's time forward", async () => {
    const before = (await control(sb, "GET", "/_control/clock")).body.now_ms
    const after = await control(sb, "POST", "/_control/clock", { advance_ms: 3_600_000 })
    expect(after.body.now_ms - before).toBeGreaterThanOrEqual(3_600_000)
    expect(after.body.offset_ms).toBe(3_600_000)
  })
})
