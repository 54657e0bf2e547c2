import type { RunningSandbox } from "../server.js"
import {
  PARTNER,
  SHOP_ID,
  authorizeShop,
  control,
  startReceiver,
  startSandbox,
  testOptions,
  type PushReceiver,
} from "../test-support/harness.js"

let sb: RunningSandbox
let receiver: PushReceiver

beforeEach(async () => {
  receiver = await startReceiver(() => 200)
  sb = await startSandbox(testOptions({ partners: [{ ...PARTNER, callback_url: receiver.url }], pushSchedule: [] }))
  await authorizeShop(sb)
})

afterEach(async () => {
  await sb.close()
  await receiver.close()
})

const single = () => sb.sandbox.catalogue.itemsOfShop(SHOP_ID)[0]
const shirt = () => sb.sandbox.catalogue.itemsOfShop(SHOP_ID)[1]

describe("bulk catalogue", () => {
  test("creates 1,000 items with 10,000 models in one call, each findable by id", async () => {
    const items = Array.from({ length: 1000 }, (_, i) => ({
      item_name: `Bulk ${i}`,
      item_sku: `BULK-${i}`,
      models: Array.from({ length: 10 }, (_, j) => ({ model_sku: `BULK-${i}-${j}`, stock: j })),
    }))
    const res = await control(sb, "POST", "/_control/items/bulk", { shop_id: SHOP_ID, items })
    expect(res.status).toBe(201)
    expect(res.body.items).toHaveLength(1000)
    const last = res.body.items[999]
    expect(last.models).toHaveLength(10)
    expect(last.models[9].model_sku).toBe("BULK-999-9")
    const stock = await control(sb, "GET", `/_control/items/${last.item_id}/stock`)
    expect(stock.body.models[9]).toMatchObject({ model_id: last.models[9].model_id, stock: 9, reserved_stock: 0 })
  })

  test("one bad entry refuses the whole bulk call, naming it, and creates nothing", async () => {
    const res = await control(sb, "POST", "/_control/items/bulk", {
      shop_id: SHOP_ID,
      items: [{ item_name: "Fine" }, { item_name: "Bad", stock: -1 }],
    })
    expect(res.status).toBe(400)
    expect(res.body.field).toBe("items[1].stock")
    expect(sb.sandbox.catalogue.itemsOfShop(SHOP_ID)).toHaveLength(2)
  })
})

describe("stock by hand", () => {
  test("sets and reads a model's stock; below the promotion reserve is refused", async () => {
    const medium = shirt().models[1]
    const set = await control(sb, "POST", `/_control/items/${shirt().item_id}/stock`, { model_id: medium.model_id, stock: 9 })
    expect(set.status).toBe(200)
    expect(set.body.models[1]).toMatchObject({
      stock: 9,
      reserved_stock: 2,
      normal_stock: 7,
      seller_stock: [{ location_id: "SGZ", stock: 9 }],
    })
    const below = await control(sb, "POST", `/_control/items/${shirt().item_id}/stock`, { model_id: medium.model_id, stock: 1 })
    expect(below.status).toBe(400)
    expect(below.body.field).toBe("stock")
  })
})

describe("orders take stock", () => {
  test("an order for a model with no stock is refused, naming the model, and takes nothing", async () => {
    await control(sb, "POST", `/_control/items/${single().item_id}/stock`, { stock: 0 })
    const res = await control(sb, "POST", "/_control/orders", { shop_id: SHOP_ID, items: [{ item_id: single().item_id }] })
    expect(res.status).toBe(400)
    expect(res.body.field).toBe("items[0].quantity")
    expect(res.body.message).toContain(`model 0 (SINGLE) of item ${single().item_id} is out of stock`)
    expect(sb.sandbox.state.orders).toEqual([])
  })

  test("an ordinary buyer cannot take stock a promotion reserves", async () => {
    const medium = shirt().models[1]
    const res = await control(sb, "POST", "/_control/orders", {
      shop_id: SHOP_ID,
      items: [{ item_id: shirt().item_id, model_id: medium.model_id, quantity: 3 }],
    })
    expect(res.status).toBe(400)
    expect(res.body.message).toContain("has only 2 in stock")
  })

  test("creation takes the stock and moves update_time; cancellation gives it back", async () => {
    const itemId = single().item_id
    sb.advanceClock(5000)
    const order = await control(sb, "POST", "/_control/orders", { shop_id: SHOP_ID, items: [{ item_id: itemId, quantity: 2 }] })
    const taken = (await control(sb, "GET", `/_control/items/${itemId}/stock`)).body
    expect(taken.models[0].stock).toBe(3)
    expect(taken.update_time).toBe(sb.sandbox.clock.nowSeconds())
    await control(sb, "POST", `/_control/orders/${order.body.order_sn}/cancel`, {})
    expect((await control(sb, "GET", `/_control/items/${itemId}/stock`)).body.models[0].stock).toBe(5)
  })
})

describe("held-back pushes", () => {
  const orderPushes = (orderSn: string) => receiver.received.map((r) => JSON.parse(r.body)).filter((b) => b.data.ordersn === orderSn)

  test("an order's pushes are held back while other pushes flow, then released in order", async () => {
    const held = await control(sb, "POST", "/_control/orders", {
      shop_id: SHOP_ID,
      items: [{ item_id: single().item_id }],
      hold_pushes: true,
    })
    await control(sb, "POST", `/_control/orders/${held.body.order_sn}/advance`)
    const other = await control(sb, "POST", "/_control/orders", { shop_id: SHOP_ID, items: [{ item_id: single().item_id }] })
    await sb.whenPushesIdle()
    expect(orderPushes(held.body.order_sn)).toEqual([])
    expect(orderPushes(other.body.order_sn)).toHaveLength(1)
    const holds = await control<{ order_sn: string; held_message_ids: number[] }[]>(sb, "GET", "/_control/pushes/holds")
    expect(holds.body).toEqual([
      expect.objectContaining({ order_sn: held.body.order_sn, held_message_ids: [expect.any(Number), expect.any(Number)] }),
    ])
    expect((await control(sb, "GET", "/_control/pushes?state=held")).body).toHaveLength(2)

    const released = await control(sb, "POST", "/_control/pushes/release", { order_sn: held.body.order_sn })
    expect(released.body.released_message_ids).toEqual(holds.body[0].held_message_ids)
    await sb.whenPushesIdle()
    expect(orderPushes(held.body.order_sn).map((b) => b.data.status)).toEqual(["UNPAID", "READY_TO_SHIP"])
    expect((await control(sb, "GET", "/_control/pushes/holds")).body).toEqual([])
  })

  test("a hold without a filter keeps every push; an unknown hold id is a 404", async () => {
    const hold = await control(sb, "POST", "/_control/pushes/hold", {})
    const order = await control(sb, "POST", "/_control/orders", { shop_id: SHOP_ID, items: [{ item_id: single().item_id }] })
    await sb.whenPushesIdle()
    expect(orderPushes(order.body.order_sn)).toEqual([])
    expect((await control(sb, "POST", "/_control/pushes/release", { hold_id: 999 })).status).toBe(404)
    await control(sb, "POST", "/_control/pushes/release", { hold_id: hold.body.id })
    await sb.whenPushesIdle()
    expect(orderPushes(order.body.order_sn)).toHaveLength(1)
  })
})
