import type { PushMessage } from "../model.js"
import {
  PARTNER_LEVEL_CODES,
  authorizationExpiringPush,
  authorizationPush,
  orderStatusPush,
  trackingNumberPush,
  type PushPayload,
} from "../push-messages.js"
import type { Sandbox } from "../sandbox.js"
import { invalidField, notFound } from "./control-error.js"
import type { ControlInput } from "./control-input.js"
import type { ControlRoute } from "./control-route.js"

const WAIT_IDLE_LIMIT_MS = 30_000
const SEVEN_DAYS_SECONDS = 7 * 24 * 60 * 60

/** A push as the control API shows it: the record plus its body parsed. */
export function pushView(message: PushMessage): Record<string, unknown> {
  return { ...message, payload: JSON.parse(message.body) as unknown }
}

/** The "Push Test Data" button: a sample of the code, from a real order when one is named. */
export function testPushPayload(sandbox: Sandbox, input: ControlInput): PushPayload {
  const code = input.int("code", { required: true, min: 1 })
  const shopId = input.int("shop_id")
  const orderSn = input.string("order_sn")
  const data = input.rawObject("data")
  if (data) return { code, shop_id: PARTNER_LEVEL_CODES.includes(code) ? null : (shopId ?? null), data }
  if (code === 3 || code === 4) {
    if (orderSn === undefined) throw invalidField("order_sn", `is required for a code ${code} test push (or give data)`)
    const order = sandbox.orders.get(orderSn)
    if (!order) throw invalidField("order_sn", `order ${orderSn} does not exist`)
    return code === 3 ? orderStatusPush(order) : trackingNumberPush(order)
  }
  if (shopId === undefined) throw invalidField("shop_id", `is required for a code ${code} test push (or give data)`)
  if (code === 1 || code === 2) return authorizationPush(code, { shop_id: shopId })
  if (code === 12) return authorizationExpiringPush([shopId], sandbox.clock.nowSeconds() + SEVEN_DAYS_SECONDS)
  return { code, shop_id: shopId, data: {} }
}

/** Pushes sent, their delivery attempts, and test pushes. */
export const pushRoutes: ControlRoute[] = [
  {
    method: "GET",
    pattern: "/_control/pushes",
    handle({ sandbox, query }) {
      const partnerId = query.get("partner_id")
      const code = query.get("code")
      const state = query.get("state")
      const list = sandbox.state.pushes.filter(
        (m) =>
          (partnerId === null || m.partner_id === Number(partnerId)) &&
          (code === null || m.code === Number(code)) &&
          (state === null || m.state === state)
      )
      return { body: list.map(pushView) }
    },
  },
  {
    method: "POST",
    pattern: "/_control/pushes/test",
    handle({ sandbox, input }) {
      input.only(["partner_id", "code", "shop_id", "order_sn", "data"])
      const partnerId = input.int("partner_id", { required: true })
      if (!sandbox.accounts.partner(partnerId)) throw invalidField("partner_id", `partner ${partnerId} does not exist`)
      const messages = sandbox.pushes.send(partnerId, testPushPayload(sandbox, input))
      return { status: 201, body: messages.map(pushView) }
    },
  },
  {
    method: "POST",
    pattern: "/_control/pushes/hold",
    handle({ sandbox, input }) {
      input.only(["order_sn", "code"])
      return { status: 201, body: sandbox.pushes.hold({ order_sn: input.string("order_sn"), code: input.int("code", { min: 1 }) }) }
    },
  },
  { method: "GET", pattern: "/_control/pushes/holds", handle: ({ sandbox }) => ({ body: sandbox.pushes.listHolds() }) },
  {
    method: "POST",
    pattern: "/_control/pushes/release",
    handle({ sandbox, input }) {
      input.only(["hold_id", "order_sn"])
      const holdId = input.int("hold_id")
      const released = sandbox.pushes.release({ hold_id: holdId, order_sn: input.string("order_sn") })
      if (released === null) throw notFound(`push hold ${holdId} does not exist`)
      sandbox.changed()
      return { body: { released_message_ids: released } }
    },
  },
  {
    method: "GET",
    pattern: "/_control/push_subscriptions",
    handle: ({ sandbox }) => ({ body: sandbox.state.partners.map((p) => sandbox.pushes.subscription(p.partner_id)) }),
  },
  {
    method: "POST",
    pattern: "/_control/push_subscriptions/:partner_id/enable",
    handle({ sandbox, params }) {
      const enabled = sandbox.pushes.enable(Number(params.partner_id))
      if (!enabled) throw notFound(`partner ${params.partner_id} does not exist`)
      return { body: enabled }
    },
  },
  {
    method: "POST",
    pattern: "/_control/push_subscriptions/:partner_id/status",
    handle({ sandbox, params, input }) {
      input.only(["status"])
      const status = input.string("status", { required: true })
      if (status !== "warning" && status !== "suspended")
        throw invalidField("status", "must be warning or suspended (enable turns it back on)")
      const view = sandbox.pushes.setStatus(Number(params.partner_id), status)
      if (!view) throw notFound(`partner ${params.partner_id} does not exist`)
      return { body: view }
    },
  },
  {
    method: "POST",
    pattern: "/_control/pushes/wait_idle",
    async handle({ sandbox }) {
      await Promise.race([sandbox.pushes.whenIdle(), new Promise((r) => setTimeout(r, WAIT_IDLE_LIMIT_MS))])
      return { body: { idle: true } }
    },
  },
]
