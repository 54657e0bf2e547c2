import { optionalString, queryParams, requiredInt, requiredString } from "../api-params.js"
import type { ApiRoute } from "../api-route.js"
import { ORDER_STATUSES, type Order, type OrderStatus } from "../model.js"
import { knownOptionalField, orderDetail } from "../order-detail.js"
import { ShopeeError, notFoundError, paramError, wrongParameter } from "../shopee-error.js"

const MAX_WINDOW_SECONDS = 15 * 24 * 60 * 60

/** Shopee's own code for a get_order_list window that is reversed or wider than 15 days (not error_param). */
function orderListInvalidTime(): ShopeeError {
  return new ShopeeError("order.order_list_invalid_time", "Start time must be earlier than end time and diff in 15 days.", 400)
}

function splitList(value: string | undefined): string[] {
  return (value ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "")
}

/** get_order_list and get_order_detail. */
export const orderRoutes: ApiRoute[] = [
  {
    method: "GET",
    path: "/api/v2/order/get_order_list",
    call: "shop",
    handle({ sandbox, caller, params }) {
      const field = requiredString(params, "time_range_field")
      if (field !== "create_time" && field !== "update_time") {
        throw wrongParameter("time_range_field should be create_time or update_time")
      }
      const from = requiredInt(params, "time_from")
      const to = requiredInt(params, "time_to")
      if (from > to || to - from > MAX_WINDOW_SECONDS) throw orderListInvalidTime()
      const pageSize = requiredInt(params, "page_size")
      if (pageSize < 1 || pageSize > 100) throw wrongParameter("page_size should be between 1 and 100")
      const cursorText = optionalString(params, "cursor") ?? ""
      if (cursorText !== "" && !/^\d+$/.test(cursorText)) throw wrongParameter("cursor is invalid")
      const offset = cursorText === "" ? 0 : Number(cursorText)
      const status = optionalString(params, "order_status")
      if (status !== undefined && !(ORDER_STATUSES as readonly string[]).includes(status)) {
        throw wrongParameter(`order_status ${status} is invalid`)
      }
      const withStatus = splitList(optionalString(params, "response_optional_fields")).includes("order_status")

      const matching = sandbox.orders
        .ofShop(caller.shopId as number)
        .filter((o) => o[field] >= from && o[field] <= to && (status === undefined || o.order_status === (status as OrderStatus)))
        .sort((a, b) => a[field] - b[field] || a.order_sn.localeCompare(b.order_sn))
      const page = matching.slice(offset, offset + pageSize)
      const more = offset + pageSize < matching.length
      return {
        response: {
          more,
          next_cursor: more ? String(offset + pageSize) : "",
          order_list: page.map((o: Order) =>
            withStatus ? { order_sn: o.order_sn, order_status: o.order_status } : { order_sn: o.order_sn }
          ),
        },
      }
    },
  },
  {
    method: "GET",
    path: "/api/v2/order/get_order_detail",
    call: "shop",
    handle({ sandbox, caller, query }) {
      const params = queryParams(query)
      const orderSns = splitList(requiredString(params, "order_sn_list"))
      if (orderSns.length < 1 || orderSns.length > 50) {
        throw paramError("Wrong parameters, detail: order_sn_list length should be between 1 and 50.")
      }
      const fields = splitList(optionalString(params, "response_optional_fields"))
      const found = orderSns.map((sn) => sandbox.orders.get(sn)).filter((o): o is Order => o !== undefined && o.shop_id === caller.shopId)
      const missing = orderSns.filter((sn) => !found.some((o) => o.order_sn === sn))
      if (found.length === 0) throw notFoundError(`Order not found: ${missing.join(",")}`)
      const warnings = []
      if (missing.length > 0) warnings.push(`order_sn not found: ${missing.join(",")}`)
      const unknown = fields.filter((f) => !knownOptionalField(f))
      if (unknown.length > 0) warnings.push(`unknown response_optional_fields ignored: ${unknown.join(",")}`)
      return {
        response: { order_list: found.map((o) => orderDetail(o, fields)) },
        ...(warnings.length > 0 ? { warning: warnings.join("; ") } : {}),
      }
    },
  },
]
