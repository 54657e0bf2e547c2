import { ORDER_STATUSES, type Order } from "../model.js"
import { OrderInputError, TransitionError } from "../orders.js"
import type { Sandbox } from "../sandbox.js"
import { conflict, invalidField, notFound } from "./control-error.js"
import type { ControlRoute } from "./control-route.js"
import { readOrderInput } from "./read-inputs.js"

const TRACKABLE = ["PROCESSED", "RETRY_SHIP", "SHIPPED", "TO_CONFIRM_RECEIVE"]

function findOrder(sandbox: Sandbox, orderSn: string): Order {
  const order = sandbox.orders.get(orderSn)
  if (!order) throw notFound(`order ${orderSn} does not exist`)
  return order
}

/** Runs a status change; an impossible move is a 409 that says why. */
function changing(sandbox: Sandbox, change: () => Order): { body: Order } {
  try {
    const order = change()
    sandbox.changed()
    return { body: order }
  } catch (err) {
    if (err instanceof TransitionError) throw conflict(err.message)
    throw err
  }
}

/** Orders and their life: creation, status moves, cancellation, tracking numbers. */
export const orderRoutes: ControlRoute[] = [
  {
    method: "GET",
    pattern: "/_control/orders",
    handle({ sandbox, query }) {
      const shopId = query.get("shop_id")
      const status = query.get("status")
      return {
        body: sandbox.state.orders.filter(
          (o) => (shopId === null || o.shop_id === Number(shopId)) && (status === null || o.order_status === status)
        ),
      }
    },
  },
  {
    method: "GET",
    pattern: "/_control/orders/:order_sn",
    handle: ({ sandbox, params }) => ({ body: findOrder(sandbox, params.order_sn) }),
  },
  {
    method: "POST",
    pattern: "/_control/orders",
    handle({ sandbox, input }) {
      try {
        const order = sandbox.orders.create(readOrderInput(input))
        sandbox.changed()
        return { status: 201, body: order }
      } catch (err) {
        if (err instanceof OrderInputError) throw invalidField(err.field, err.message)
        throw err
      }
    },
  },
  {
    method: "POST",
    pattern: "/_control/orders/:order_sn/advance",
    handle: ({ sandbox, params }) => changing(sandbox, () => sandbox.orders.advance(findOrder(sandbox, params.order_sn))),
  },
  {
    method: "POST",
    pattern: "/_control/orders/:order_sn/status",
    handle({ sandbox, params, input }) {
      input.only(["status", "cancel_reason"])
      const status = input.oneOf("status", ORDER_STATUSES, { required: true })
      const reason = input.string("cancel_reason")
      return changing(sandbox, () => sandbox.orders.transition(findOrder(sandbox, params.order_sn), status, { reason }))
    },
  },
  {
    method: "POST",
    pattern: "/_control/orders/:order_sn/cancel",
    handle({ sandbox, params, input }) {
      input.only(["reason", "via_in_cancel", "cancel_by"])
      const options = {
        reason: input.string("reason"),
        via_in_cancel: input.boolean("via_in_cancel"),
        by: input.oneOf("cancel_by", ["buyer", "seller", "system"] as const),
      }
      return changing(sandbox, () => sandbox.orders.cancel(findOrder(sandbox, params.order_sn), options))
    },
  },
  {
    method: "POST",
    pattern: "/_control/orders/:order_sn/tracking_number",
    handle({ sandbox, params, input }) {
      input.only(["tracking_number"])
      const trackingNumber = input.string("tracking_number")
      const order = findOrder(sandbox, params.order_sn)
      if (!TRACKABLE.includes(order.order_status)) {
        throw conflict(
          `order ${order.order_sn} is ${order.order_status}: tracking numbers are assigned once it is shipped (PROCESSED or later)`
        )
      }
      return changing(sandbox, () => sandbox.orders.assignTrackingNumber(order, trackingNumber))
    },
  },
]
