import type { RunningSandbox } from "./server.js"
import {
  PARTNER,
  SHOP_ID,
  authorizeShop,
  control,
  eventually,
  startReceiver,
  startSandbox,
  testOptions,
  type PushReceiver,
} from "./test-support/harness.js"

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

const shirt = () => sb.sandbox.catalogue.itemsOfShop(SHOP_ID)[1]
const single = () => sb.sandbox.catalogue.itemsOfShop(SHOP_ID)[0]

async function pushesOf(code: number): Promise<Record<string, any>[]> {
  await sb.whenPushesIdle()
  return receiver.received.map((r) => JSON.parse(r.body)).filter((b) => b.code === code)
}

async function stockOf(itemId: number): Promise<Record<string, any>> {
  return (await control(sb, "GET", `/_control/items/${itemId}/stock`)).body
}

describe("promotions lock stock", () => {
  test("starting one moves stock into the reserve and pushes 9, 7 and 8 with variation_id = model_id", async () => {
    const small = shirt().models[0]
    const promotion = await control(sb, "POST", "/_control/promotions", {
      item_id: shirt().item_id,
      models: [{ model_id: small.model_id, reserved_stock: 2 }],
    })
    expect(promotion.status).toBe(201)
    const stock = await stockOf(shirt().item_id)
    expect(stock.models[0]).toMatchObject({ model_id: small.model_id, stock: 3, reserved_stock: 2, normal_stock: 1, has_promotion: true })
    const [added] = await pushesOf(9)
    expect(added).toMatchObject({
      shop_id: SHOP_ID,
      data: { item_id: shirt().item_id, variation_id: small.model_id, action: "added_in_promo", promotion_id: promotion.body.promotion_id },
    })
    const [locked] = await pushesOf(7)
    expect(locked.data).toMatchObject({ variation_id: small.model_id, action: "promo_lock_stock", reserved_stock: 2 })
    const [change] = await pushesOf(8)
    expect(change.data).toMatchObject({ variation_id: small.model_id, changed_values: [{ name: "reserved_stock", old: 0, new: 2 }] })
  })

  test("a reserve larger than the stock not already reserved is refused, naming the field", async () => {
    const medium = shirt().models[1]
    const res = await control(sb, "POST", "/_control/promotions", {
      item_id: shirt().item_id,
      models: [{ model_id: medium.model_id, reserved_stock: 3 }],
    })
    expect(res.status).toBe(400)
    expect(res.body).toMatchObject({ error: "invalid_field", field: "models[0].reserved_stock" })
    expect(sb.sandbox.state.promotions).toEqual([])
  })

  test("a buyer order takes the reserve (push 8 place_order); cancelling gives it back (cancel_order)", async () => {
    const small = shirt().models[0]
    await control(sb, "POST", "/_control/promotions", {
      item_id: shirt().item_id,
      models: [{ model_id: small.model_id, reserved_stock: 2, promotion_price: 12 }],
    })
    const order = await control(sb, "POST", "/_control/orders", {
      shop_id: SHOP_ID,
      items: [{ item_id: shirt().item_id, model_id: small.model_id }],
    })
    expect(order.body.lines[0]).toMatchObject({ discounted_price: 12, promotion_id: expect.any(Number) })
    expect((await stockOf(shirt().item_id)).models[0]).toMatchObject({ stock: 2, reserved_stock: 1, normal_stock: 1 })
    await control(sb, "POST", `/_control/orders/${order.body.order_sn}/cancel`, {})
    expect((await stockOf(shirt().item_id)).models[0]).toMatchObject({ stock: 3, reserved_stock: 2 })
    const changes = (await pushesOf(8)).map((b) => b.data)
    expect(changes.slice(1)).toEqual([
      expect.objectContaining({
        action: "place_order",
        ordersn: order.body.order_sn,
        changed_values: [{ name: "reserved_stock", old: 2, new: 1 }],
      }),
      expect.objectContaining({
        action: "cancel_order",
        ordersn: order.body.order_sn,
        changed_values: [{ name: "reserved_stock", old: 1, new: 2 }],
      }),
    ])
  })

  test("ending one gives what it still holds back to normal stock (promo_end); a second end is a 409", async () => {
    const small = shirt().models[0]
    const promotion = await control(sb, "POST", "/_control/promotions", {
      item_id: shirt().item_id,
      models: [{ model_id: small.model_id, reserved_stock: 2 }],
    })
    const ended = await control(sb, "POST", `/_control/promotions/${promotion.body.promotion_id}/end`, {})
    expect(ended.body.status).toBe("ended")
    expect((await stockOf(shirt().item_id)).models[0]).toMatchObject({ stock: 3, reserved_stock: 0, normal_stock: 3, has_promotion: false })
    expect((await pushesOf(7)).map((b) => [b.data.action, b.data.reserved_stock])).toEqual([
      ["promo_lock_stock", 2],
      ["promo_end", 0],
    ])
    expect((await pushesOf(8)).at(-1)!.data.changed_values).toEqual([{ name: "reserved_stock", old: 2, new: 0 }])
    expect((await pushesOf(9)).map((b) => b.data.action)).toEqual(["added_in_promo", "removed_from_promo"])
    expect((await control(sb, "POST", `/_control/promotions/${promotion.body.promotion_id}/end`, { cancelled: true })).status).toBe(409)
  })

  test("a cancelled promotion pushes promo_cancelled", async () => {
    const promotion = await control(sb, "POST", "/_control/promotions", {
      item_id: single().item_id,
      models: [{ model_id: 0, reserved_stock: 1 }],
    })
    await control(sb, "POST", `/_control/promotions/${promotion.body.promotion_id}/end`, { cancelled: true })
    expect((await pushesOf(7)).at(-1)!.data).toMatchObject({ action: "promo_cancelled", variation_id: 0 })
  })
})

describe("item changes on Shopee's side", () => {
  test("restructuring replaces every model_id and keeps the SKUs and stock", async () => {
    const before = shirt().models.map((m) => ({ id: m.model_id, sku: m.model_sku }))
    const res = await control(sb, "POST", `/_control/items/${shirt().item_id}/restructure`, {})
    expect(res.status).toBe(200)
    const after = shirt().models
    expect(after.map((m) => m.model_sku)).toEqual(before.map((b) => b.sku))
    expect(after.some((m) => before.some((b) => b.id === m.model_id))).toBe(false)
    expect(after.map((m) => m.seller_stock[0].stock)).toEqual([3, 4])
    expect(res.body.model_id_map).toEqual(before.map((b, i) => ({ old_model_id: b.id, new_model_id: after[i].model_id, model_sku: b.sku })))
  })

  test("restructuring is refused while a promotion runs", async () => {
    await control(sb, "POST", "/_control/promotions", {
      item_id: shirt().item_id,
      models: [{ model_id: shirt().models[0].model_id, reserved_stock: 1 }],
    })
    expect((await control(sb, "POST", `/_control/items/${shirt().item_id}/restructure`, {})).status).toBe(409)
  })

  test("a ban sets the item status and pushes code 16 with item_status_details", async () => {
    const res = await control(sb, "POST", `/_control/items/${single().item_id}/status`, {
      item_status: "BANNED",
      violation_reason: "Counterfeit",
    })
    expect(res.body.item_status).toBe("BANNED")
    await eventually(() => receiver.received.some((r) => JSON.parse(r.body).code === 16))
    const [push] = await pushesOf(16)
    expect(push.data).toMatchObject({
      item_id: single().item_id,
      item_status: "BANNED",
      item_status_details: [expect.objectContaining({ violation_reason: "Counterfeit" })],
    })
  })
})
