import { optionalString, type Params } from "../api-params.js"
import type { ApiContext, ApiRoute } from "../api-route.js"
import type { Order } from "../model.js"
import { notFoundError, wrongParameter } from "../shopee-error.js"
import { SHIPPING_MODES, type ShipRequest } from "./logistics.js"

function shopOrder({ sandbox, caller }: ApiContext, params: Params): Order {
  const orderSn = optionalString(params, "order_sn")
  if (orderSn === undefined) throw wrongParameter("order_sn is required")
  const order = sandbox.orders.get(orderSn)
  if (!order || order.shop_id !== caller.shopId) throw notFoundError(`Order not found: ${orderSn}`)
  const packageNumber = optionalString(params, "package_number")
  if (packageNumber !== undefined && packageNumber !== order.package.package_number) {
    throw notFoundError(`Package not found: ${packageNumber}`)
  }
  return order
}

function shipRequest(params: Params): ShipRequest {
  const request: ShipRequest = {}
  for (const mode of SHIPPING_MODES) {
    const value = params.get(mode)
    if (value === undefined || value === null) continue
    if (typeof value !== "object" || Array.isArray(value)) throw wrongParameter(`${mode} should be an object`)
    request[mode] = value as Record<string, unknown>
  }
  return request
}

/** get_shipping_parameter, ship_order and get_tracking_number over the sandbox's logistics model. */
export const logisticsRoutes: ApiRoute[] = [
  {
    method: "GET",
    path: "/api/v2/logistics/get_shipping_parameter",
    call: "shop",
    handle: (ctx) => ({ response: ctx.sandbox.logistics.shippingParameter(shopOrder(ctx, ctx.params)) }),
  },
  {
    method: "POST",
    path: "/api/v2/logistics/ship_order",
    call: "shop",
    handle(ctx) {
      ctx.sandbox.logistics.ship(shopOrder(ctx, ctx.params), shipRequest(ctx.params))
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
          tracking_number: ctx.sandbox.logistics.trackingNumber(order),
          plp_number: "",
          first_mile_tracking_number: "",
          last_mile_tracking_number: "",
        },
      }
    },
  },
]
