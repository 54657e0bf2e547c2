import { optionalString, requiredString, type Params } from "../api-params.js"
import type { ApiContext, ApiRoute } from "../api-route.js"
import type { Order } from "../model.js"
import { notFoundError, paramError, wrongParameter } from "../shopee-error.js"

const PICKUP_ADDRESS_ID = 1001

function shopOrder({ sandbox, caller }: ApiContext, params: Params): Order {
  const orderSn = requiredString(params, "order_sn")
  const order = sandbox.orders.get(orderSn)
  if (!order || order.shop_id !== caller.shopId) throw notFoundError(`Order not found: ${orderSn}`)
  const packageNumber = optionalString(params, "package_number")
  if (packageNumber !== undefined && packageNumber !== order.package.package_number) {
    throw notFoundError(`Package not found: ${packageNumber}`)
  }
  return order
}

function objectParam(params: Params, name: string): Record<string, unknown> | undefined {
  const value = params.get(name)
  if (value === undefined || value === null) return undefined
  if (typeof value !== "object" || Array.isArray(value)) throw wrongParameter(`${name} should be an object`)
  return value as Record<string, unknown>
}

/** Shipping an order: parameters, ship_order (READY_TO_SHIP only), tracking number. */
export const logisticsRoutes: ApiRoute[] = [
  {
    method: "GET",
    path: "/api/v2/logistics/get_shipping_parameter",
    call: "shop",
    handle(ctx) {
      const order = shopOrder(ctx, ctx.params)
      const tomorrow = ctx.sandbox.clock.nowSeconds() + 24 * 60 * 60
      return {
        response: {
          info_needed: { dropoff: [], pickup: ["address_id", "pickup_time_id"], non_integrated: ["tracking_number"] },
          dropoff: { branch_list: [], slug_list: [] },
          pickup: {
            address_list: [
              {
                address_id: PICKUP_ADDRESS_ID,
                region: order.region,
                state: "Singapore",
                city: "Singapore",
                district: "",
                town: "",
                address: "2 Seller Street",
                zipcode: "018956",
                address_flag: ["default_address", "pickup_address"],
                time_slot_list: [{ date: tomorrow, time_text: "09:00-18:00", pickup_time_id: String(tomorrow) }],
              },
            ],
          },
        },
      }
    },
  },
  {
    method: "POST",
    path: "/api/v2/logistics/ship_order",
    call: "shop",
    handle(ctx) {
      const order = shopOrder(ctx, ctx.params)
      const methods = ["pickup", "dropoff", "non_integrated"].map((name) => objectParam(ctx.params, name))
      const given = methods.filter((m) => m !== undefined)
      if (given.length !== 1) {
        throw paramError("Wrong parameters, detail: exactly one of pickup, dropoff and non_integrated is required.")
      }
      if (order.order_status !== "READY_TO_SHIP") {
        throw paramError(`Order status is ${order.order_status}, only READY_TO_SHIP orders can be shipped.`)
      }
      const trackingNumber = given[0]?.tracking_number
      if (trackingNumber !== undefined && (typeof trackingNumber !== "string" || trackingNumber === "")) {
        throw wrongParameter("tracking_number should be a non-empty string")
      }
      ctx.sandbox.orders.transition(order, "PROCESSED", { tracking_number: typeof trackingNumber === "string" ? trackingNumber : null })
      ctx.sandbox.changed()
      return {}
    },
  },
  {
    method: "GET",
    path: "/api/v2/logistics/get_tracking_number",
    call: "shop",
    handle(ctx) {
      const order = shopOrder(ctx, ctx.params)
      return {
        response: {
          tracking_number: order.package.tracking_number,
          plp_number: "",
          first_mile_tracking_number: "",
          last_mile_tracking_number: "",
        },
      }
    },
  },
]
