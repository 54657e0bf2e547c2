import type { RunningSandbox } from "./server.js"
import { SHOP_ID, control, createOrder, startSandbox, testOptions } from "./test-support/harness.js"

let now: number
let sb: RunningSandbox

beforeEach(async () => {
  now = Date.UTC(2024, 5, 1, 12, 0, 0)
  sb = await startSandbox(testOptions({ clock: () => now }))
})

afterEach(() => sb.close())

function singleItem() {
  return sb.sandbox.catalogue.itemsOfShop(SHOP_ID)[0]
}

describe("orders through the control API", () => {
  test("a new order is UNPAID, has Shopee's order_sn shape and reduces the stock", async () => {
    const order = await createOrder(sb, { items: [{ item_id: singleItem().item_id, quantity: 2 }] })
    expect(order.order_status).toBe("UNPAID")
    expect(order.order_sn).toMatch(/^\d{6}[A-Z0-9]{8}$/)
    expect(order.total_amount).toBe(2 * 10 + 2)
    expect(singleItem().models[0].seller_stock[0].stock).toBe(3)
  })

  test("advancing walks the happy path with update_time moving forward, then refuses", async () => {
    const order = await createOrder(sb)
    const seen: string[] = []
    let last = order.update_time
    for (let i = 0; i < 5; i++) {
      now += 1000
      const res = await control(sb, "POST", `/_control/orders/${order.order_sn}/advance`)
      expect(res.status).toBe(200)
      expect(res.body.update_time).toBeGreaterThan(last)
      last = res.body.update_time
      seen.push(res.body.order_status)
    }
    expect(seen).toEqual(["READY_TO_SHIP", "PROCESSED", "SHIPPED", "TO_CONFIRM_RECEIVE", "COMPLETED"])
    const more = await control(sb, "POST", `/_control/orders/${order.order_sn}/advance`)
    expect(more.status).toBe(409)
    expect(more.body.error).toBe("conflict")
  })

  test("payment sets pay_time; arranging shipment (PROCESSED) assigns the tracking number, which shipping keeps", async () => {
    const order = await createOrder(sb)
    expect(order.pay_time).toBeNull()
    const paid = await control(sb, "POST", `/_control/orders/${order.order_sn}/advance`)
    expect(paid.body.pay_time).toBe(Math.floor(now / 1000))
    expect(paid.body.package.tracking_number).toBe("")
    const processed = await control(sb, "POST", `/_control/orders/${order.order_sn}/advance`)
    expect(processed.body.order_status).toBe("PROCESSED")
    expect(processed.body.package.tracking_number).not.toBe("")
    const shipped = await control(sb, "POST", `/_control/orders/${order.order_sn}/advance`)
    expect(shipped.body.order_status).toBe("SHIPPED")
    expect(shipped.body.package.tracking_number).toBe(processed.body.package.tracking_number)
  })

  test("an invalid transition is a 409 and changes nothing", async () => {
    const order = await createOrder(sb)
    const res = await control(sb, "POST", `/_control/orders/${order.order_sn}/status`, { status: "SHIPPED" })
    expect(res.status).toBe(409)
    expect(res.body.message).toContain("UNPAID to SHIPPED")
    expect(sb.sandbox.orders.get(order.order_sn)?.order_status).toBe("UNPAID")
  })

  test("cancelling an unpaid order returns its stock", async () => {
    const order = await createOrder(sb, { items: [{ item_id: singleItem().item_id, quantity: 5 }] })
    expect(singleItem().models[0].seller_stock[0].stock).toBe(0)
    const res = await control(sb, "POST", `/_control/orders/${order.order_sn}/cancel`, { reason: "Out of stock" })
    expect(res.body).toMatchObject({ order_status: "CANCELLED", cancel_reason: "Out of stock" })
    expect(singleItem().models[0].seller_stock[0].stock).toBe(5)
  })

  test("a processed order is cancelled through IN_CANCEL; a rejected request returns to PROCESSED", async () => {
    const order = await createOrder(sb, { status: "READY_TO_SHIP" })
    await control(sb, "POST", `/_control/orders/${order.order_sn}/advance`)
    const requested = await control(sb, "POST", `/_control/orders/${order.order_sn}/cancel`)
    expect(requested.body.order_status).toBe("IN_CANCEL")
    const rejected = await control(sb, "POST", `/_control/orders/${order.order_sn}/status`, { status: "PROCESSED" })
    expect(rejected.body.order_status).toBe("PROCESSED")
    expect(rejected.body.cancel_reason).toBe("")
    await control(sb, "POST", `/_control/orders/${order.order_sn}/cancel`)
    const accepted = await control(sb, "POST", `/_control/orders/${order.order_sn}/cancel`)
    expect(accepted.body.order_status).toBe("CANCELLED")
  })

  test("a shipped order cannot be cancelled", async () => {
    const order = await createOrder(sb, { status: "READY_TO_SHIP" })
    await control(sb, "POST", `/_control/orders/${order.order_sn}/advance`)
    await control(sb, "POST", `/_control/orders/${order.order_sn}/advance`)
    expect((await control(sb, "POST", `/_control/orders/${order.order_sn}/cancel`)).status).toBe(409)
  })

  test("an order for more than the stock is refused, naming the quantity, and takes nothing", async () => {
    const shirt = sb.sandbox.catalogue.itemsOfShop(SHOP_ID)[1]
    const res = await control(sb, "POST", "/_control/orders", {
      shop_id: SHOP_ID,
      items: [
        { item_id: singleItem().item_id, quantity: 1 },
        { item_id: shirt.item_id, model_id: shirt.models[0].model_id, quantity: 99 },
      ],
    })
    expect(res.status).toBe(400)
    expect(res.body.field).toBe("items[1].quantity")
    expect(singleItem().models[0].seller_stock[0].stock).toBe(5)
  })

  test("an item with models needs a model_id", async () => {
    const shirt = sb.sandbox.catalogue.itemsOfShop(SHOP_ID)[1]
    const res = await control(sb, "POST", "/_control/orders", { shop_id: SHOP_ID, items: [{ item_id: shirt.item_id }] })
    expect(res.status).toBe(400)
    expect(res.body.field).toBe("items[0].model_id")
  })
})
