import { conflict, invalidField, notFound } from "../control/control-error.js"
import type { ControlInput } from "../control/control-input.js"
import type { ControlRoute } from "../control/control-route.js"
import type { Order } from "../model.js"
import type { Sandbox } from "../sandbox.js"
import { SHIPPING_MODES, type OrderChannel, type ShippingMode } from "./logistics.js"

function findOrder(sandbox: Sandbox, orderSn: string): Order {
  const order = sandbox.orders.get(orderSn)
  if (!order) throw notFound(`order ${orderSn} does not exist`)
  return order
}

function readModes(input: ControlInput): ShippingMode[] | undefined {
  const modes = input.strings("modes")
  if (modes === undefined) return undefined
  if (modes.length === 0) throw invalidField("modes", "should name at least one of pickup, dropoff, non_integrated")
  const unknown = modes.find((mode) => !(SHIPPING_MODES as readonly string[]).includes(mode))
  if (unknown !== undefined) throw invalidField("modes", `${unknown} is not one of pickup, dropoff, non_integrated`)
  return [...new Set(modes)] as ShippingMode[]
}

function logisticsView(sandbox: Sandbox, order: Order) {
  return {
    order_sn: order.order_sn,
    order_status: order.order_status,
    package_number: order.package.package_number,
    tracking_number: order.package.tracking_number,
    channel: sandbox.logistics.channelOf(order),
    arrangement: sandbox.logistics.arrangementOf(order),
  }
}

/** The logistics settings, and each order's channel: its shipping modes and why Shopee would refuse for now. */
export const logisticsControlRoutes: ControlRoute[] = [
  { method: "GET", pattern: "/_control/logistics", handle: ({ sandbox }) => ({ body: sandbox.logistics.settings }) },
  {
    method: "PATCH",
    pattern: "/_control/logistics",
    handle({ sandbox, input }) {
      input.only(["tracking_delay_ms", "default_modes"])
      const delay = input.int("tracking_delay_ms", { min: 0 })
      const modes = input.strings("default_modes")
      if (modes !== undefined) {
        const unknown = modes.find((mode) => !(SHIPPING_MODES as readonly string[]).includes(mode))
        if (modes.length === 0 || unknown !== undefined)
          throw invalidField("default_modes", "should name one or more of pickup, dropoff, non_integrated")
        sandbox.logistics.settings.default_modes = [...new Set(modes)] as ShippingMode[]
      }
      if (delay !== undefined) sandbox.logistics.settings.tracking_delay_ms = delay
      return { body: sandbox.logistics.settings }
    },
  },
  {
    method: "GET",
    pattern: "/_control/orders/:order_sn/logistics",
    handle: ({ sandbox, params }) => ({ body: logisticsView(sandbox, findOrder(sandbox, params.order_sn)) }),
  },
  {
    method: "POST",
    pattern: "/_control/orders/:order_sn/logistics",
    handle({ sandbox, params, input }) {
      input.only(["modes", "allocating", "no_time_slot"])
      const order = findOrder(sandbox, params.order_sn)
      const change: Partial<OrderChannel> = {}
      const modes = readModes(input)
      if (modes !== undefined) {
        if (sandbox.logistics.arrangementOf(order))
          throw conflict(`order ${order.order_sn} is already arranged: its channel can no longer change`)
        change.modes = modes
      }
      const allocating = input.boolean("allocating")
      const noTimeSlot = input.boolean("no_time_slot")
      if (allocating !== undefined) change.allocating = allocating
      if (noTimeSlot !== undefined) change.no_time_slot = noTimeSlot
      sandbox.logistics.configure(order, change)
      return { body: logisticsView(sandbox, order) }
    },
  },
]
