import type { RunningSandbox } from "../server.js"
import {
  PARTNER,
  SHOP_ID,
  authorizeShop,
  callApi,
  control,
  createOrder,
  eventually,
  startReceiver,
  startSandbox,
  testOptions,
  type PushReceiver,
  type Tokens,
} from "../test-support/harness.js"

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
const parameters = (orderSn: string) => shopCall("/api/v2/logistics/get_shipping_parameter", { query: { order_sn: orderSn } })
const ship = (body: Record<string, unknown>) => shopCall("/api/v2/logistics/ship_order", { body })
const tracking = async (orderSn: string) =>
  (await shopCall("/api/v2/logistics/get_tracking_number", { query: { order_sn: orderSn } })).body.response.tracking_number as string
const pushes = (code: number) => receiver.received.map((r) => JSON.parse(r.body)).filter((b) => b.code === code)
const statusOf = (orderSn: string) => sb.sandbox.orders.get(orderSn)?.order_status
const channel = (orderSn: string, body: Record<string, unknown>) => control(sb, "POST", `/_control/orders/${orderSn}/logistics`, body)

async function recommendedPickup(orderSn: string) {
  const res = await parameters(orderSn)
  const address = res.body.response.pickup.address_list[0]
  const slot = address.time_slot_list.find((s: { flags: string[] }) => s.flags.includes("recommended"))
  return { address_id: address.address_id, pickup_time_id: slot.pickup_time_id as string }
}

describe("get_shipping_parameter", () => {
  test("offers pickup addresses with time slots, exactly one of them recommended, and drop-off branches", async () => {
    const order = await createOrder(sb, { status: "READY_TO_SHIP" })
    const res = await parameters(order.order_sn)
    expect(res.body.error).toBe("")
    const { info_needed, pickup, dropoff } = res.body.response
    expect(info_needed).toEqual({ pickup: ["address_id", "pickup_time_id"], dropoff: ["branch_id"] })
    expect(pickup.address_list.length).toBeGreaterThan(1)
    const slots = pickup.address_list.flatMap((a: { time_slot_list: { flags: string[] }[] }) => a.time_slot_list)
    expect(slots.length).toBeGreaterThan(1)
    expect(pickup.address_list[0].time_slot_list.filter((s: { flags: string[] }) => s.flags.includes("recommended"))).toHaveLength(1)
    expect(dropoff.branch_list.length).toBeGreaterThan(0)
  })

  test("a non-integrated channel asks only for a tracking number", async () => {
    const order = await createOrder(sb, { status: "READY_TO_SHIP" })
    await channel(order.order_sn, { modes: ["non_integrated"] })
    const res = await parameters(order.order_sn)
    expect(res.body.response.info_needed).toEqual({ non_integrated: ["tracking_no"] })
    expect(res.body.response.pickup).toBeUndefined()
  })

  test("a cancelled order has no shipping parameters", async () => {
    const order = await createOrder(sb, { status: "READY_TO_SHIP" })
    await control(sb, "POST", `/_control/orders/${order.order_sn}/cancel`, {})
    const res = await parameters(order.order_sn)
    expect(res.body).toMatchObject({ error: "error_status", message: "The order has been cancelled." })
  })

  test("an order being allocated is refused until the allocation is done", async () => {
    const order = await createOrder(sb, { status: "READY_TO_SHIP" })
    await channel(order.order_sn, { allocating: true })
    const res = await parameters(order.order_sn)
    expect(res.body.error).toBe("logistics.error_param")
    expect(res.body.message).toContain("being allocated")
    const refused = await ship({ order_sn: order.order_sn, dropoff: { branch_id: 3001 } })
    expect(refused.body.message).toContain("being allocated")
    expect(statusOf(order.order_sn)).toBe("READY_TO_SHIP")
    await channel(order.order_sn, { allocating: false })
    expect((await parameters(order.order_sn)).body.error).toBe("")
  })

  test("no pickup slot: an error for a pickup-only channel, empty slot lists beside another mode", async () => {
    const order = await createOrder(sb, { status: "READY_TO_SHIP" })
    await channel(order.order_sn, { modes: ["pickup"], no_time_slot: true })
    expect((await parameters(order.order_sn)).body).toMatchObject({
      error: "logistics.no_available_time_slot",
      message: "No available time slot",
    })
    await channel(order.order_sn, { modes: ["pickup", "dropoff"] })
    const res = await parameters(order.order_sn)
    expect(res.body.response.pickup.address_list[0].time_slot_list).toEqual([])
    const refused = await ship({ order_sn: order.order_sn, pickup: { address_id: 1001, pickup_time_id: "1001-0" } })
    expect(refused.body.error).toBe("logistics.ship_order_pickup_time_invalid")
  })
})

describe("ship_order", () => {
  test("pickup at the recommended slot moves the order to PROCESSED and pushes the change and the tracking number", async () => {
    const order = await createOrder(sb, { status: "READY_TO_SHIP" })
    const res = await ship({ order_sn: order.order_sn, pickup: await recommendedPickup(order.order_sn) })
    expect(res.status).toBe(200)
    expect(res.body.error).toBe("")
    expect(statusOf(order.order_sn)).toBe("PROCESSED")
    await eventually(() => pushes(3).some((p) => p.data.status === "PROCESSED") && pushes(4).length === 1)
    expect(pushes(4)[0].data).toMatchObject({ ordersn: order.order_sn, tracking_no: await tracking(order.order_sn) })
  })

  test("a second call answers Shopee's already-shipped error and changes nothing", async () => {
    const order = await createOrder(sb, { status: "READY_TO_SHIP" })
    await ship({ order_sn: order.order_sn, dropoff: { branch_id: 3001 } })
    const number = await tracking(order.order_sn)
    const again = await ship({ order_sn: order.order_sn, dropoff: { branch_id: 3002 } })
    expect(again.body).toMatchObject({ error: "logistics.error_param", message: "Order has been shipped." })
    expect(await tracking(order.order_sn)).toBe(number)
    const view = await control(sb, "GET", `/_control/orders/${order.order_sn}/logistics`)
    expect(view.body.arrangement).toMatchObject({ mode: "dropoff", branch_id: 3001 })
  })

  test.each([
    ["IN_CANCEL", { via_in_cancel: true }],
    ["CANCELLED", {}],
  ])("an order %s is refused with Shopee's status error", async (status, cancel) => {
    const order = await createOrder(sb, { status: "READY_TO_SHIP" })
    await control(sb, "POST", `/_control/orders/${order.order_sn}/cancel`, cancel)
    expect(statusOf(order.order_sn)).toBe(status)
    const res = await ship({ order_sn: order.order_sn, dropoff: { branch_id: 3001 } })
    expect(res.body).toMatchObject({ error: "logistics.error_order_state", message: "Operation is not allow with current order status." })
    expect(statusOf(order.order_sn)).toBe(status)
  })

  test("an unpaid order is not ready to ship", async () => {
    const order = await createOrder(sb)
    const res = await ship({ order_sn: order.order_sn, dropoff: { branch_id: 3001 } })
    expect(res.body).toMatchObject({ error: "logistics.error_param", message: "The order status is not ready to ship." })
    expect(statusOf(order.order_sn)).toBe("UNPAID")
  })

  test.each([
    [
      "two ways at once",
      { dropoff: { branch_id: 3001 }, non_integrated: { tracking_number: "X" } },
      "logistics.ship_order_only_support_one_type",
    ],
    ["no way", {}, "logistics.ship_order_only_support_one_type"],
    ["pickup without a slot", { pickup: { address_id: 1001 } }, "logistics.ship_order_need_address_pickup_time"],
    ["an unknown address", { pickup: { address_id: 9, pickup_time_id: "x" } }, "logistics.address_not_found"],
    ["a slot not offered", { pickup: { address_id: 1001, pickup_time_id: "1001-1" } }, "logistics.ship_order_pickup_time_invalid"],
    ["a drop-off without a branch", { dropoff: {} }, "logistics.error_store_not_found"],
  ])("refuses %s", async (_label, ways, error) => {
    const order = await createOrder(sb, { status: "READY_TO_SHIP" })
    const res = await ship({ order_sn: order.order_sn, ...ways })
    expect(res.body.error).toBe(error)
    expect(statusOf(order.order_sn)).toBe("READY_TO_SHIP")
  })

  test("a way the order's channel does not offer is refused", async () => {
    const order = await createOrder(sb, { status: "READY_TO_SHIP" })
    await channel(order.order_sn, { modes: ["dropoff"] })
    expect((await ship({ order_sn: order.order_sn, pickup: { address_id: 1001, pickup_time_id: "x" } })).body.error).toBe(
      "logistics.ship_order_unsupport_pickup"
    )
    expect((await ship({ order_sn: order.order_sn, non_integrated: { tracking_number: "OWN-1" } })).body.error).toBe(
      "logistics.error_method"
    )
  })

  test("a non-integrated shipment needs and carries its own tracking number", async () => {
    const order = await createOrder(sb, { status: "READY_TO_SHIP" })
    await channel(order.order_sn, { modes: ["non_integrated"] })
    expect((await ship({ order_sn: order.order_sn, non_integrated: {} })).body.error).toBe("logistics.ship_order_need_tracking_number")
    await ship({ order_sn: order.order_sn, non_integrated: { tracking_number: "OWN-1" } })
    expect(await tracking(order.order_sn)).toBe("OWN-1")
    await eventually(() => pushes(4).length === 1)
    expect(pushes(4)[0].data.tracking_no).toBe("OWN-1")
  })
})

describe("get_tracking_number", () => {
  test("is empty for the configured delay after arrangement, then answers a number (push 4 once)", async () => {
    await control(sb, "PATCH", "/_control/logistics", { tracking_delay_ms: 10 * 60 * 1000 })
    const order = await createOrder(sb, { status: "READY_TO_SHIP" })
    await ship({ order_sn: order.order_sn, pickup: await recommendedPickup(order.order_sn) })
    expect(await tracking(order.order_sn)).toBe("")
    sb.advanceClock(9 * 60 * 1000)
    expect(await tracking(order.order_sn)).toBe("")
    sb.advanceClock(60 * 1000)
    const number = await tracking(order.order_sn)
    expect(number).toMatch(/^SG\d{12}SPX$/)
    expect(await tracking(order.order_sn)).toBe(number)
    await eventually(() => pushes(4).length === 1)
    expect(pushes(4)[0].data).toMatchObject({ ordersn: order.order_sn, tracking_no: number })
    await sb.whenPushesIdle()
    expect(pushes(4)).toHaveLength(1)
  })

  test("appears by itself when the delay passes, announced by push 4", async () => {
    await control(sb, "PATCH", "/_control/logistics", { tracking_delay_ms: 30 })
    const order = await createOrder(sb, { status: "READY_TO_SHIP" })
    await ship({ order_sn: order.order_sn, dropoff: { branch_id: 3002 } })
    await eventually(() => pushes(4).length === 1)
    expect(pushes(4)[0].data.tracking_no).toBe(sb.sandbox.orders.get(order.order_sn)?.package.tracking_number)
  })

  test("a tracking number can still be assigned by hand once shipped, not before", async () => {
    const order = await createOrder(sb)
    expect((await control(sb, "POST", `/_control/orders/${order.order_sn}/tracking_number`, {})).status).toBe(409)
  })
})

describe("logistics control", () => {
  test("a reset forgets the tracking delay and the default modes", async () => {
    await control(sb, "PATCH", "/_control/logistics", { tracking_delay_ms: 5000, default_modes: ["non_integrated"] })
    await control(sb, "POST", "/_control/reset")
    expect((await control(sb, "GET", "/_control/logistics")).body).toEqual({ tracking_delay_ms: 0, default_modes: ["pickup", "dropoff"] })
  })

  test.each([
    ["/_control/logistics", "PATCH", { tracking_delay_ms: -1 }, "tracking_delay_ms"],
    ["/_control/logistics", "PATCH", { default_modes: ["teleport"] }, "default_modes"],
  ])("%s %s %j answers 400 naming %s", async (path, method, body, field) => {
    const res = await control(sb, method, path, body)
    expect(res.status).toBe(400)
    expect(res.body.field).toBe(field)
  })

  test("an order's channel rejects unknown modes, naming the field", async () => {
    const order = await createOrder(sb, { status: "READY_TO_SHIP" })
    const res = await channel(order.order_sn, { modes: ["teleport"] })
    expect(res.status).toBe(400)
    expect(res.body).toMatchObject({ field: "modes" })
  })
})
