import type { RunningSandbox } from "./server.js"
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
} from "./test-support/harness.js"

let sb: RunningSandbox
let receiver: PushReceiver

beforeEach(async () => {
  receiver = await startReceiver()
  sb = await startSandbox(testOptions({ partners: [{ ...PARTNER, callback_url: receiver.url }], pushSchedule: [20] }))
})

afterEach(async () => {
  await sb.close()
  await receiver.close()
})

const LOST = "/api/v2/push/get_lost_push_message"

function addFault(fault: Record<string, unknown>) {
  return control(sb, "POST", "/_control/faults", fault)
}

describe("request faults", () => {
  test("latency delays the answer of the matching route only", async () => {
    await addFault({ kind: "latency", route: LOST, latency_ms: 2_000 })
    let delayedAnswered = false
    const delayed = callApi(sb, { path: LOST }).then((res) => {
      delayedAnswered = true
      return res
    })
    // Asked later, the other route answers while the delayed one is still held.
    await callApi(sb, { path: "/api/v2/public/get_shops_by_partner" })
    expect(delayedAnswered).toBe(false)
    expect((await delayed).body.error).toBe("")
  })

  test("server_error answers the configured 5xx with error_server, for `times` requests", async () => {
    await addFault({ kind: "server_error", route: LOST, status: 503, times: 2 })
    const first = await callApi(sb, { path: LOST })
    expect(first.status).toBe(503)
    expect(first.body).toMatchObject({ error: "error_server" })
    expect((await callApi(sb, { path: LOST })).status).toBe(503)
    expect((await callApi(sb, { path: LOST })).status).toBe(200)
  })

  test("rate_limit answers 429 error_rate_limit on every path matching a prefix", async () => {
    await addFault({ kind: "rate_limit", route: "/api/v2/push/*" })
    const res = await callApi(sb, { path: LOST })
    expect(res.status).toBe(429)
    expect(res.body.error).toBe("error_rate_limit")
    expect((await callApi(sb, { path: "/api/v2/public/get_shops_by_partner" })).status).toBe(200)
  })

  test("timeout holds the request open past the client's timeout", async () => {
    await addFault({ kind: "timeout", times: 1 })
    const outcome = await fetch(`${sb.url}${LOST}`, { signal: AbortSignal.timeout(200) }).then(
      () => "answered",
      (err: Error) => err.name
    )
    expect(outcome).toBe("TimeoutError")
    expect((await callApi(sb, { path: LOST })).status).toBe(200)
  })

  test("timeout with latency_ms drops the connection after that long", async () => {
    await addFault({ kind: "timeout", latency_ms: 50 })
    await expect(fetch(`${sb.url}${LOST}`)).rejects.toThrow()
  })

  test("a global fault without a route applies to every API path, and clearing removes it", async () => {
    await addFault({ kind: "server_error" })
    expect((await callApi(sb, { path: "/api/v2/public/get_shops_by_partner" })).status).toBe(500)
    await control(sb, "DELETE", "/_control/faults")
    expect((await callApi(sb, { path: "/api/v2/public/get_shops_by_partner" })).status).toBe(200)
  })

  test("a faulted request is still in the request log", async () => {
    await addFault({ kind: "rate_limit", times: 1 })
    await callApi(sb, { path: LOST })
    const log = await control<Record<string, any>[]>(sb, "GET", `/_control/requests?path=${LOST}`)
    expect(log.body[0]).toMatchObject({ status: 429, error: "error_rate_limit" })
  })
})

describe("push faults", () => {
  const orderPushes = () => receiver.received.map((r) => JSON.parse(r.body)).filter((b) => b.code === 3)

  beforeEach(async () => {
    await authorizeShop(sb)
    await sb.whenPushesIdle()
  })

  test("drop_push never reaches the callback, and as Shopee got no answer it retries, then keeps it as a lost push", async () => {
    await addFault({ kind: "drop_push", code: 3, times: 1 })
    const order = await createOrder(sb)
    await sb.whenPushesIdle()
    expect(orderPushes()).toHaveLength(0)
    const record = (await control<Record<string, any>[]>(sb, "GET", "/_control/pushes?code=3")).body[0]
    expect(record.state).toBe("lost")
    expect(record.attempts).toHaveLength(2)
    expect(record.attempts.every((a: { status: number | null; error: string }) => a.status === null && a.error.includes("drop_push"))).toBe(
      true
    )
    const lost = (await callApi(sb, { path: LOST })).body.response.push_message_list
    expect(lost).toHaveLength(1)
    expect(JSON.parse(lost[0].data).data.ordersn).toBe(order.order_sn)
  })

  test("duplicate_push delivers the same signed body twice", async () => {
    await addFault({ kind: "duplicate_push", times: 1 })
    await createOrder(sb)
    await sb.whenPushesIdle()
    const copies = receiver.received.filter((r) => JSON.parse(r.body).code === 3)
    expect(copies).toHaveLength(2)
    expect(copies[0].body).toBe(copies[1].body)
    expect(copies[0].authorization).toBe(copies[1].authorization)
  })

  test("reorder_push delivers a batch newest first", async () => {
    await addFault({ kind: "reorder_push", code: 3, batch: 3, times: 3 })
    const order = await createOrder(sb)
    await control(sb, "POST", `/_control/orders/${order.order_sn}/advance`)
    expect(orderPushes()).toHaveLength(0)
    await control(sb, "POST", `/_control/orders/${order.order_sn}/advance`)
    await eventually(() => orderPushes().length === 3)
    expect(orderPushes().map((b) => b.data.status)).toEqual(["PROCESSED", "READY_TO_SHIP", "UNPAID"])
  })

  test("faults are listed and removed one by one", async () => {
    const fault = await addFault({ kind: "drop_push" })
    expect((await control<unknown[]>(sb, "GET", "/_control/faults")).body).toHaveLength(1)
    expect((await control(sb, "DELETE", `/_control/faults/${fault.body.id}`)).status).toBe(200)
    expect((await control(sb, "DELETE", `/_control/faults/${fault.body.id}`)).status).toBe(404)
    await createOrder(sb)
    await sb.whenPushesIdle()
    expect(orderPushes().map((b) => b.shop_id)).toEqual([SHOP_ID])
  })
})
