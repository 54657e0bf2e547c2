import type { RunningSandbox } from "../server.js"
import { PARTNER, SHOP_ID, authorizeShop, callApi, control, createOrder, eventually, startReceiver, startSandbox, testOptions, type PushReceiver, type Tokens } from "../test-support/harness.js"

let sb: RunningSandbox
let tokens: Tokens
let receiver: PushReceiver

beforeEach(async () => {
  receiver = await startReceiver()
  sb = await startSandbox(testOptions({ partners: [{ ...PARTNER, callback_url: receiver.url }], pushSchedule: [20] }))
  tokens = await authorizeShop(sb)
})

afterEach(async () => {
  await sb.close()
  await receiver.close()
})

function shopCall(path: string, extra: { query?: Record<string, string | number>; body?: unknown }) {
  return callApi(sb, { path, accessToken: tokens.access_token, shopId: SHOP_ID, ...extra })
}

const pushes = (code: number) => receiver.received.map((r) => JSON.parse(r.body)).filter((b) => b.code === code)

describe("logistics", () => {
  test("ship_order moves a READY_TO_SHIP order to PROCESSED and pushes the change", async () => {
    const order = await createOrder(sb, { status: "READY_TO_SHIP" })
    const params = await shopCall("/api/v2/logistics/get_shipping_parameter", { query: { order_sn: order.order_sn } })
    const address = params.body.response.pickup.address_list[0]
    const res = await shopCall("/api/v2/logistics/ship_order", {
      body: { order_sn: order.order_sn, pickup: { address_id: address.address_id, pickup_time_id: address.time_slot_list[0].pickup_time_id } },
    })
    expect(res.status).toBe(200)
    expect(res.body.error).toBe("")
    expect(sb.sandbox.orders.get(order.order_sn)?.order_status).toBe("PROCESSED")
    await eventually(() => pushes(3).some((p) => p.data.status === "PROCESSED"))
  })

  test("ship_order refuses an order that is not READY_TO_SHIP", async () => {
    const order = await createOrder(sb)
    const res = await shopCall("/api/v2/logistics/ship_order", { body: { order_sn: order.order_sn, pickup: { address_id: 1 } } })
    expect(res.status).toBe(400)
    expect(res.body.error).toBe("error_param")
    expect(res.body.message).toContain("READY_TO_SHIP")
    expect(sb.sandbox.orders.get(order.order_sn)?.order_status).toBe("UNPAID")
  })

  test("the tracking number is empty until assigned; assignment pushes code 4", async () => {
    const order = await createOrder(sb, { status: "READY_TO_SHIP" })
    await shopCall("/api/v2/logistics/ship_order", { body: { order_sn: order.order_sn, pickup: { address_id: 1001 } } })
    const before = await shopCall("/api/v2/logistics/get_tracking_number", { query: { order_sn: order.order_sn } })
    expect(before.body.response.tracking_number).toBe("")
    const assigned = await control(sb, "POST", `/_control/orders/${order.order_sn}/tracking_number`, { tracking_number: "SG123456789SPX" })
    expect(assigned.status).toBe(200)
    const after = await shopCall("/api/v2/logistics/get_tracking_number", { query: { order_sn: order.order_sn } })
    expect(after.body.response.tracking_number).toBe("SG123456789SPX")
    await eventually(() => pushes(4).length === 1)
    expect(pushes(4)[0]).toMatchObject({
      shop_id: SHOP_ID,
      code: 4,
      data: { ordersn: order.order_sn, tracking_no: "SG123456789SPX", package_number: order.package.package_number, forder_id: order.package.forder_id },
    })
  })

  test("a non-integrated shipment carries its own tracking number", async () => {
    const order = await createOrder(sb, { status: "READY_TO_SHIP" })
    await shopCall("/api/v2/logistics/ship_order", { body: { order_sn: order.order_sn, non_integrated: { tracking_number: "OWN-1" } } })
    const res = await shopCall("/api/v2/logistics/get_tracking_number", { query: { order_sn: order.order_sn } })
    expect(res.body.response.tracking_number).toBe("OWN-1")
  })

  test("a tracking number cannot be assigned before the order is shipped", async () => {
    const order = await createOrder(sb)
    const res = await control(sb, "POST", `/_control/orders/${order.order_sn}/tracking_number`, {})
    expect(res.status).toBe(409)
  })
})
