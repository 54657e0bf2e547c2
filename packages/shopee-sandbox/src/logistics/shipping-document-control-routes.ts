import { notFound } from "../control/control-error.js"
import type { ControlRoute } from "../control/control-route.js"
import type { Order } from "../model.js"
import type { Sandbox } from "../sandbox.js"

function findOrder(sandbox: Sandbox, orderSn: string): Order {
  const order = sandbox.orders.get(orderSn)
  if (!order) throw notFound(`order ${orderSn} does not exist`)
  return order
}

const view = (sandbox: Sandbox, order: Order) => ({
  order_sn: order.order_sn,
  document: sandbox.shippingDocuments.documentOf(order),
})

/** The air waybill's delay, an order's document, and the failures and completions a test asks for. */
export const shippingDocumentControlRoutes: ControlRoute[] = [
  { method: "GET", pattern: "/_control/shipping-documents", handle: ({ sandbox }) => ({ body: sandbox.shippingDocuments.settings }) },
  {
    method: "PATCH",
    pattern: "/_control/shipping-documents",
    handle({ sandbox, input }) {
      input.only(["ready_delay_ms"])
      const delay = input.int("ready_delay_ms", { min: 0 })
      if (delay !== undefined) sandbox.shippingDocuments.settings.ready_delay_ms = delay
      return { body: sandbox.shippingDocuments.settings }
    },
  },
  {
    method: "GET",
    pattern: "/_control/orders/:order_sn/shipping-document",
    handle: ({ sandbox, params }) => ({ body: view(sandbox, findOrder(sandbox, params.order_sn)) }),
  },
  {
    /** `fail_next`: the reason the order's next document fails with (null: it succeeds again). */
    method: "POST",
    pattern: "/_control/orders/:order_sn/shipping-document",
    handle({ sandbox, params, input }) {
      input.only(["fail_next"])
      const order = findOrder(sandbox, params.order_sn)
      const reason = input.has("fail_next") ? input.string("fail_next", { required: true }) : null
      sandbox.shippingDocuments.failNext(order, reason)
      return { body: view(sandbox, order) }
    },
  },
  {
    method: "POST",
    pattern: "/_control/orders/:order_sn/shipping-document/ready",
    handle({ sandbox, params }) {
      const order = findOrder(sandbox, params.order_sn)
      if (!sandbox.shippingDocuments.completeNow(order)) throw notFound(`order ${order.order_sn} has no shipping document`)
      return { body: view(sandbox, order) }
    },
  },
]
