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

const shopCall = (path: string, body: unknown) => callApi(sb, { path, accessToken: tokens.access_token, shopId: SHOP_ID, body })
const parameter = (orderSn: string) =>
  shopCall("/api/v2/logistics/get_shipping_document_parameter", { order_list: [{ order_sn: orderSn }] })
const create = (entries: Record<string, unknown>[]) => shopCall("/api/v2/logistics/create_shipping_document", { order_list: entries })
const result = (orderSn: string) => shopCall("/api/v2/logistics/get_shipping_document_result", { order_list: [{ order_sn: orderSn }] })
const download = (orderSns: string[], type?: string) =>
  shopCall("/api/v2/logistics/download_shipping_document", {
    ...(type ? { shipping_document_type: type } : {}),
    order_list: orderSns.map((order_sn) => ({ order_sn })),
  })
const pushes15 = () => receiver.received.map((r) => JSON.parse(r.body)).filter((b) => b.code === 15)

/** A READY_TO_SHIP order arranged for drop-off: PROCESSED with its tracking number at once. */
async function arrangedOrder(): Promise<{ order_sn: string; tracking_number: string }> {
  const order = await createOrder(sb, { status: "READY_TO_SHIP" })
  const shipped = await callApi(sb, {
    path: "/api/v2/logistics/ship_order",
    accessToken: tokens.access_token,
    shopId: SHOP_ID,
    body: { order_sn: order.order_sn, dropoff: { branch_id: 3001 } },
  })
  expect(shipped.body.error).toBe("")
  return { order_sn: order.order_sn, tracking_number: sb.sandbox.orders.get(order.order_sn)!.package.tracking_number }
}
const entry = (order: { order_sn: string; tracking_number: string }, type = "THERMAL_AIR_WAYBILL") => ({
  order_sn: order.order_sn,
  tracking_number: order.tracking_number,
  shipping_document_type: type,
})

describe("get_shipping_document_parameter", () => {
  test("suggests a type and lists the selectable ones for an arranged package", async () => {
    const order = await arrangedOrder()
    const [first] = (await parameter(order.order_sn)).body.response.result_list
    expect(first).toMatchObject({ order_sn: order.order_sn, suggest_shipping_document_type: "THERMAL_AIR_WAYBILL" })
    expect(first.selectable_shipping_document_type).toEqual(["NORMAL_AIR_WAYBILL", "THERMAL_AIR_WAYBILL"])
  })

  test("answers per order why a package cannot print: not arranged, unknown", async () => {
    const order = await createOrder(sb, { status: "READY_TO_SHIP" })
    const res = await shopCall("/api/v2/logistics/get_shipping_document_parameter", {
      order_list: [{ order_sn: order.order_sn }, { order_sn: "NOPE" }],
    })
    expect(res.body.error).toBe("")
    expect(res.body.response.result_list).toEqual([
      expect.objectContaining({ order_sn: order.order_sn, fail_error: "logistics.package_can_not_print" }),
      expect.objectContaining({ order_sn: "NOPE", fail_error: "error_not_found" }),
    ])
  })
})

describe("create_shipping_document", () => {
  test("without delay the document is READY at once and push 15 announces it", async () => {
    const order = await arrangedOrder()
    const res = await create([entry(order)])
    expect(res.body.response.result_list).toEqual([{ order_sn: order.order_sn, package_number: expect.any(String) }])
    expect((await result(order.order_sn)).body.response.result_list[0]).toMatchObject({ status: "READY" })
    await eventually(() => pushes15().length === 1)
    expect(pushes15()[0]).toMatchObject({ shop_id: SHOP_ID, data: { ordersn: order.order_sn, status: "READY" } })
  })

  test("with a delay it stays PROCESSING until the sandbox clock passes it, then turns READY with push 15", async () => {
    await control(sb, "PATCH", "/_control/shipping-documents", { ready_delay_ms: 600_000 })
    const order = await arrangedOrder()
    await create([entry(order)])
    expect((await result(order.order_sn)).body.response.result_list[0]).toMatchObject({ status: "PROCESSING" })
    expect(pushes15()).toEqual([])
    await control(sb, "POST", "/_control/clock", { advance_ms: 600_000 })
    expect((await result(order.order_sn)).body.response.result_list[0]).toMatchObject({ status: "READY" })
    await eventually(() => pushes15().length === 1)
  })

  test("the control API completes a PROCESSING document at once", async () => {
    await control(sb, "PATCH", "/_control/shipping-documents", { ready_delay_ms: 600_000 })
    const order = await arrangedOrder()
    await create([entry(order)])
    const done = await control(sb, "POST", `/_control/orders/${order.order_sn}/shipping-document/ready`)
    expect(done.body.document).toMatchObject({ status: "READY" })
    await eventually(() => pushes15().length === 1)
  })

  test("a document set to fail answers FAILED with Shopee's fail_error and the reason", async () => {
    const order = await arrangedOrder()
    await control(sb, "POST", `/_control/orders/${order.order_sn}/shipping-document`, { fail_next: "Carrier system down" })
    await create([entry(order)])
    expect((await result(order.order_sn)).body.response.result_list[0]).toMatchObject({
      status: "FAILED",
      fail_error: "logistics.shipping_document_failed",
      fail_message: "Carrier system down",
    })
  })

  test("refuses per order: a wrong tracking number, an unknown type, an order not arranged, a cancelled order", async () => {
    const good = await arrangedOrder()
    const unarranged = await createOrder(sb, { status: "READY_TO_SHIP" })
    const cancelled = await createOrder(sb, { status: "READY_TO_SHIP" })
    await control(sb, "POST", `/_control/orders/${cancelled.order_sn}/cancel`, {})
    const res = await create([
      { ...entry(good), tracking_number: "WRONG" },
      entry(good, "A4_PLAIN"),
      { order_sn: unarranged.order_sn, tracking_number: "X", shipping_document_type: "THERMAL_AIR_WAYBILL" },
      { order_sn: cancelled.order_sn, tracking_number: "X", shipping_document_type: "THERMAL_AIR_WAYBILL" },
    ])
    expect(res.body.response.result_list.map((r: { fail_error: string }) => r.fail_error)).toEqual([
      "logistics.tracking_number_invalid",
      "logistics.invalid_shipping_document_type",
      "logistics.package_can_not_print",
      "error_status",
    ])
    expect((await result(good.order_sn)).body.response.result_list[0].fail_error).toBe("logistics.shipping_document_should_create_first")
  })

  test("takes 1 to 50 packages", async () => {
    expect((await create([])).body.error).toBe("error_param")
    const many = Array.from({ length: 51 }, (_, i) => ({ order_sn: `X${i}`, tracking_number: "T" }))
    expect((await create(many)).body.message).toMatch(/between 1 and 50/)
  })
})

describe("download_shipping_document", () => {
  test("serves one PDF with a page per package, each naming its order and tracking number", async () => {
    const one = await arrangedOrder()
    const two = await arrangedOrder()
    await create([entry(one), entry(two)])
    const res = await download([one.order_sn, two.order_sn], "THERMAL_AIR_WAYBILL")
    expect(res.status).toBe(200)
    expect(res.headers.get("content-type")).toBe("application/pdf")
    const pdf = res.body as unknown as string
    expect(pdf.startsWith("%PDF-1.4")).toBe(true)
    expect(pdf).toContain("/Count 2")
    for (const order of [one, two]) expect(pdf).toContain(`(Tracking number: ${order.tracking_number})`)
  })

  test("refuses a document not READY, of another type, never created, or picked up by the carrier", async () => {
    await control(sb, "PATCH", "/_control/shipping-documents", { ready_delay_ms: 600_000 })
    const order = await arrangedOrder()
    expect((await download([order.order_sn])).body.error).toBe("logistics.shipping_document_should_create_first")
    await create([entry(order)])
    expect((await download([order.order_sn])).body.error).toBe("logistics.shipping_document_not_ready")
    await control(sb, "POST", `/_control/orders/${order.order_sn}/shipping-document/ready`)
    expect((await download([order.order_sn], "NORMAL_AIR_WAYBILL")).body.error).toBe("logistics.shipping_document_not_ready")
    expect((await download([order.order_sn])).status).toBe(200)
    await control(sb, "POST", `/_control/orders/${order.order_sn}/advance`, {})
    const late = await download([order.order_sn])
    expect(late.body).toMatchObject({ error: "logistics.package_can_not_print", message: expect.stringMatching(/picked up/) })
  })
})
