import type { RunningSandbox } from "./server.js"
import {
  PARTNER,
  SHOP_ID,
  authorizeShop,
  callApi,
  control,
  createOrder,
  eventually,
  hmacHex,
  startReceiver,
  startSandbox,
  testOptions,
  type PushReceiver,
  type ReceiverAnswer,
} from "./test-support/harness.js"

let sb: RunningSandbox
let receiver: PushReceiver

async function start(respond: (index: number) => ReceiverAnswer, extra: Parameters<typeof testOptions>[0] = {}) {
  receiver = await startReceiver(respond)
  sb = await startSandbox(testOptions({ partners: [{ ...PARTNER, callback_url: receiver.url }], pushSchedule: [50, 100, 200], ...extra }))
  await authorizeShop(sb)
}

afterEach(async () => {
  await sb.close()
  await receiver.close()
})

function lostMessages() {
  return callApi(sb, { path: "/api/v2/push/get_lost_push_message" })
}

describe("push delivery", () => {
  test("a push verifies with an independent HMAC of url|body keyed with the push partner key", async () => {
    await start(() => 200)
    const order = await createOrder(sb)
    await eventually(() => receiver.received.some((r) => JSON.parse(r.body).code === 3))
    const push = receiver.received.find((r) => JSON.parse(r.body).code === 3)!
    expect(push.authorization).toBe(hmacHex(PARTNER.push_partner_key, `${receiver.url}|${push.body}`))
    expect(push.authorization).not.toBe(hmacHex(PARTNER.partner_key, `${receiver.url}|${push.body}`))
    expect(push.headers["content-type"]).toBe("application/json")
    const body = JSON.parse(push.body)
    expect(Object.keys(body)).toEqual(["data", "shop_id", "code", "timestamp"])
    expect(body).toMatchObject({
      shop_id: SHOP_ID,
      code: 3,
      data: { items: [], ordersn: order.order_sn, status: "UNPAID", completed_scenario: "" },
    })
    expect(body.data).not.toHaveProperty("order_sn")
  })

  test("the authorization push (code 1) is partner-level: no shop_id at the top", async () => {
    await start(() => 200)
    await eventually(() => receiver.received.length > 0)
    const body = JSON.parse(receiver.received[0].body)
    expect(body.code).toBe(1)
    expect(body).not.toHaveProperty("shop_id")
    expect(body.data.shop_id).toBe(SHOP_ID)
  })

  test("each status change is pushed, with completed_scenario NORMAL on completion", async () => {
    await start(() => 200)
    const order = await createOrder(sb, { status: "READY_TO_SHIP" })
    for (let i = 0; i < 4; i++) await control(sb, "POST", `/_control/orders/${order.order_sn}/advance`)
    await sb.whenPushesIdle()
    const statuses = receiver.received
      .map((r) => JSON.parse(r.body))
      .filter((b) => b.code === 3)
      .map((b) => b.data.status)
    expect(statuses).toEqual(["READY_TO_SHIP", "PROCESSED", "SHIPPED", "TO_CONFIRM_RECEIVE", "COMPLETED"])
    const completed = receiver.received.map((r) => JSON.parse(r.body)).find((b) => b.data.status === "COMPLETED")
    expect(completed.data.completed_scenario).toBe("NORMAL")
  })

  test("a failing callback is retried on the schedule, then kept as a lost push", async () => {
    await start(() => 500)
    receiver.received.length = 0
    const order = await createOrder(sb)
    await sb.whenPushesIdle()
    const attempts = receiver.received.filter((r) => JSON.parse(r.body).data.ordersn === order.order_sn)
    expect(attempts).toHaveLength(4)
    const gaps = attempts.slice(1).map((a, i) => a.at - attempts[i].at)
    expect(gaps[0]).toBeGreaterThanOrEqual(45)
    expect(gaps[1]).toBeGreaterThanOrEqual(95)
    expect(gaps[2]).toBeGreaterThanOrEqual(195)
    expect(new Set(attempts.map((a) => a.body)).size).toBe(1)
    const record = (await control<Record<string, any>[]>(sb, "GET", "/_control/pushes?code=3")).body[0]
    expect(record.state).toBe("lost")
    expect(record.attempts.map((a: { status: number }) => a.status)).toEqual([500, 500, 500, 500])
  })

  test("a callback that recovers gets the push on a retry and nothing is lost", async () => {
    await start((i) => (i < 2 ? 503 : 200))
    await sb.whenPushesIdle()
    const states = (await control<Record<string, any>[]>(sb, "GET", "/_control/pushes")).body.map((m) => m.state)
    expect(states).toEqual(["delivered"])
    expect((await lostMessages()).body.response.push_message_list).toEqual([])
  })

  test("a callback slower than the timeout counts as a failure", async () => {
    await start(() => "hang", { pushTimeoutMs: 100, pushSchedule: [] })
    await sb.whenPushesIdle()
    const record = (await control<Record<string, any>[]>(sb, "GET", "/_control/pushes")).body[0]
    expect(record.state).toBe("lost")
    expect(record.attempts[0].error).toContain("timeout")
  })
})

describe("what Shopee counts as delivered, and the subscription it disables", () => {
  /** Shopee's rule with a small volume, so that a test reaches it: more than 4 attempts in 6 h. */
  const SMALL_RULE = { windowMs: 6 * 60 * 60 * 1000, minAttempts: 4, suspendBelowRate: 0.3, warnBelowRate: 0.7 }
  const subscription = async () =>
    (await control<Record<string, any>[]>(sb, "GET", "/_control/push_subscriptions")).body.find((s) => s.partner_id === PARTNER.partner_id)

  test("a 2xx with a body is not an acknowledgement: retried, then lost", async () => {
    await start(() => ({ status: 200, body: "OK" }), { pushSchedule: [10] })
    await sb.whenPushesIdle()
    const record = (await control<Record<string, any>[]>(sb, "GET", "/_control/pushes")).body[0]
    expect(record.state).toBe("lost")
    expect(record.attempts.map((a: { status: number }) => a.status)).toEqual([200, 200])
    expect(record.attempts[0].error).toContain("empty body")
  })

  test("more than the rule's volume under 30 % success disables the subscription: later pushes are neither sent nor kept", async () => {
    await start(() => 500, { pushSchedule: [], pushHealthRule: SMALL_RULE })
    for (let i = 0; i < 4; i++) await createOrder(sb)
    await sb.whenPushesIdle()
    expect(await subscription()).toMatchObject({ status: "suspended", attempts: 5, successes: 0 })
    const sentBefore = receiver.received.length
    const lostBefore = (await lostMessages()).body.response.push_message_list.length

    await createOrder(sb)
    await sb.whenPushesIdle()
    expect(receiver.received.length).toBe(sentBefore)
    expect((await lostMessages()).body.response.push_message_list).toHaveLength(lostBefore)
    const last = (await control<Record<string, any>[]>(sb, "GET", "/_control/pushes")).body.at(-1)!
    expect(last).toMatchObject({ state: "suspended", attempts: [] })
  })

  test("the volume alone is not enough: a healthy callback over many pushes stays active", async () => {
    await start(() => 200, { pushHealthRule: SMALL_RULE })
    for (let i = 0; i < 5; i++) await createOrder(sb)
    await sb.whenPushesIdle()
    expect(await subscription()).toMatchObject({ status: "active", attempts: 6, successes: 6, success_rate: 1 })
  })

  test("under 70 % success over the volume is a warning, and pushes still go", async () => {
    await start((i) => (i % 2 === 0 ? 200 : 500), { pushSchedule: [], pushHealthRule: SMALL_RULE })
    for (let i = 0; i < 5; i++) await createOrder(sb)
    await sb.whenPushesIdle()
    expect(await subscription()).toMatchObject({ status: "warning", attempts: 6, successes: 3 })
  })

  test("enabling the subscription again sends new pushes, and not those missed while it was off", async () => {
    let failing = true
    await start(() => (failing ? 500 : 200), { pushSchedule: [], pushHealthRule: SMALL_RULE })
    for (let i = 0; i < 4; i++) await createOrder(sb)
    await sb.whenPushesIdle()
    sb.sandbox.pushes.send(PARTNER.partner_id, { code: 3, shop_id: SHOP_ID, data: { ordersn: "MISSED" } })
    failing = false
    const enabled = await control(sb, "POST", `/_control/push_subscriptions/${PARTNER.partner_id}/enable`)
    expect(enabled.body).toMatchObject({ status: "active", attempts: 0, suspended_at_ms: null })
    sb.sandbox.pushes.send(PARTNER.partner_id, { code: 3, shop_id: SHOP_ID, data: { ordersn: "LATER" } })
    await sb.whenPushesIdle()
    const named = receiver.received.map((r) => JSON.parse(r.body).data.ordersn).filter((sn) => sn === "MISSED" || sn === "LATER")
    expect(named).toEqual(["LATER"])
    expect((await control(sb, "POST", "/_control/push_subscriptions/999/enable")).status).toBe(404)
  })
})

describe("get_app_push_config", () => {
  const pushConfig = async () => (await callApi(sb, { method: "GET", path: "/api/v2/push/get_app_push_config" })).body.response

  test("answers the subscription's live status, which the control API sets failing or suspended and enabling clears", async () => {
    await start(() => 200)
    expect(await pushConfig()).toMatchObject({ callback_url: receiver.url, live_push_status: "Normal" })
    expect(await pushConfig()).not.toHaveProperty("suspended_time")

    const failing = await control(sb, "POST", `/_control/push_subscriptions/${PARTNER.partner_id}/status`, { status: "warning" })
    expect(failing.body).toMatchObject({ status: "warning", suspended_at_ms: null })
    expect(await pushConfig()).toMatchObject({ live_push_status: "Warning" })

    await control(sb, "POST", `/_control/push_subscriptions/${PARTNER.partner_id}/status`, { status: "suspended" })
    expect(await pushConfig()).toMatchObject({ live_push_status: "Suspended", suspended_time: expect.any(Number) })
    const sent = sb.sandbox.pushes.send(PARTNER.partner_id, { code: 3, shop_id: SHOP_ID, data: { ordersn: "MISSED" } })
    expect(sent.map((m) => m.state)).toEqual(["suspended"])

    await control(sb, "POST", `/_control/push_subscriptions/${PARTNER.partner_id}/enable`)
    expect(await pushConfig()).toMatchObject({ live_push_status: "Normal" })
  })

  test("the control API refuses a status it does not know, and a partner that does not exist", async () => {
    await start(() => 200)
    const refused = await control(sb, "POST", `/_control/push_subscriptions/${PARTNER.partner_id}/status`, { status: "paused" })
    expect(refused.status).toBe(400)
    expect(JSON.stringify(refused.body)).toContain("status")
    expect((await control(sb, "POST", "/_control/push_subscriptions/999/status", { status: "suspended" })).status).toBe(404)
  })
})

describe("lost push recovery", () => {
  test("get_lost_push_message serves lost pushes with their body; confirm consumes them", async () => {
    await start(() => 500, { pushSchedule: [] })
    const order = await createOrder(sb)
    await sb.whenPushesIdle()
    const lost = await lostMessages()
    expect(lost.body.error).toBe("")
    const list = lost.body.response.push_message_list
    expect(list.map((m: { code: number }) => m.code)).toEqual([1, 3])
    expect(list[0]).not.toHaveProperty("shop_id")
    expect(list[1].shop_id).toBe(SHOP_ID)
    expect(JSON.parse(list[1].data).data.ordersn).toBe(order.order_sn)
    expect(lost.body.response.has_next_page).toBe(false)
    const confirm = await callApi(sb, {
      path: "/api/v2/push/confirm_consumed_lost_push_message",
      body: { last_message_id: lost.body.response.last_message_id },
    })
    expect(confirm.body.error).toBe("")
    expect((await lostMessages()).body.response.push_message_list).toEqual([])
  })

  test("confirming up to a message id keeps the later ones", async () => {
    await start(() => 500, { pushSchedule: [] })
    await createOrder(sb)
    await createOrder(sb)
    await sb.whenPushesIdle()
    const first = (await lostMessages()).body.response
    expect(first.push_message_list).toHaveLength(3)
    const firstId = (await control<Record<string, any>[]>(sb, "GET", "/_control/pushes")).body[0].message_id
    await callApi(sb, { path: "/api/v2/push/confirm_consumed_lost_push_message", body: { last_message_id: firstId } })
    expect((await lostMessages()).body.response.push_message_list).toHaveLength(2)
  })

  test("serves at most 100 lost pushes, oldest first, and only those lost in the last 3 days", async () => {
    let now = Date.UTC(2024, 0, 1)
    await start(() => 500, { pushSchedule: [], clock: () => now })
    await sb.whenPushesIdle()
    now += 3 * 24 * 60 * 60 * 1000 + 1000
    for (let i = 0; i < 101; i++) sb.sandbox.pushes.send(PARTNER.partner_id, { code: 3, shop_id: SHOP_ID, data: { ordersn: `SN${i}` } })
    await sb.whenPushesIdle()
    const lost = (await lostMessages()).body.response
    expect(lost.push_message_list).toHaveLength(100)
    expect(lost.has_next_page).toBe(true)
    expect(JSON.parse(lost.push_message_list[0].data).data.ordersn).toBe("SN0")
  })

  test("a partner without a callback URL gets its pushes as lost pushes", async () => {
    receiver = await startReceiver()
    sb = await startSandbox(testOptions({ pushSchedule: [10] }))
    await authorizeShop(sb)
    await createOrder(sb)
    await sb.whenPushesIdle()
    expect((await lostMessages()).body.response.push_message_list.map((m: { code: number }) => m.code)).toEqual([1, 3])
  })

  test("push test data sends a sample of the chosen code", async () => {
    await start(() => 200)
    const order = await createOrder(sb)
    await sb.whenPushesIdle()
    receiver.received.length = 0
    const sent = await control(sb, "POST", "/_control/pushes/test", { partner_id: PARTNER.partner_id, code: 3, order_sn: order.order_sn })
    expect(sent.status).toBe(201)
    const expiring = await control(sb, "POST", "/_control/pushes/test", { partner_id: PARTNER.partner_id, code: 12, shop_id: SHOP_ID })
    expect(expiring.status).toBe(201)
    await sb.whenPushesIdle()
    const bodies = receiver.received.map((r) => JSON.parse(r.body))
    expect(bodies[0]).toMatchObject({ code: 3, shop_id: SHOP_ID, data: { ordersn: order.order_sn } })
    expect(bodies[1].code).toBe(12)
    expect(bodies[1]).not.toHaveProperty("shop_id")
    expect(bodies[1].data.shop_expire_soon).toEqual([SHOP_ID])
  })
})
