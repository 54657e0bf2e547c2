import { optionalString, type Params } from "../api-params.js"
import type { ApiContext, ApiRoute } from "../api-route.js"
import type { Order } from "../model.js"
import { notFoundError, paramError, wrongParameter } from "../shopee-error.js"
import type { PerOrder } from "./shipping-documents.js"

/** Shopee takes 1 to 50 packages per shipping-document call. */
const MAX_PACKAGES = 50

type Entry = { order_sn: string; package_number?: string; tracking_number?: string; shipping_document_type?: string }

function orderList(params: Params): Entry[] {
  const list = params.get("order_list")
  if (!Array.isArray(list) || list.length === 0) throw wrongParameter("order_list is required")
  if (list.length > MAX_PACKAGES) throw paramError(`Wrong parameters, detail: order_list length should be between 1 and ${MAX_PACKAGES}.`)
  return list.map((entry, i) => {
    if (typeof entry !== "object" || entry === null || typeof entry.order_sn !== "string" || entry.order_sn === "")
      throw wrongParameter(`order_list[${i}].order_sn is required`)
    return entry as Entry
  })
}

/** The caller's shop's order and package, or Shopee's not-found for that entry. */
function packageOf({ sandbox, caller }: ApiContext, entry: Entry): PerOrder<Order> {
  const order = sandbox.orders.get(entry.order_sn)
  if (!order || order.shop_id !== caller.shopId) return { fail: notFoundError(`Order not found: ${entry.order_sn}`) }
  if (entry.package_number && entry.package_number !== order.package.package_number)
    return { fail: notFoundError(`Package not found: ${entry.package_number}`) }
  return { ok: order }
}

/** One `result_list` entry: the package, then its result or its `fail_error` and `fail_message`. */
function resultEntry<T extends object | null>(ctx: ApiContext, entry: Entry, act: (order: Order) => PerOrder<T>): Record<string, unknown> {
  const found = packageOf(ctx, entry)
  const outcome = "ok" in found ? act(found.ok) : found
  const ref = { order_sn: entry.order_sn, package_number: "ok" in found ? found.ok.package.package_number : (entry.package_number ?? "") }
  if ("fail" in outcome) return { ...ref, fail_error: outcome.fail.error, fail_message: outcome.fail.message }
  return { ...ref, ...(outcome.ok ?? {}) }
}

/** The air waybill: its parameters, its creation, its result and its download (a PDF, not an envelope). */
export const shippingDocumentRoutes: ApiRoute[] = [
  {
    method: "POST",
    path: "/api/v2/logistics/get_shipping_document_parameter",
    call: "shop",
    handle: (ctx) => ({
      response: {
        result_list: orderList(ctx.params).map((entry) =>
          resultEntry(ctx, entry, (order) => ctx.sandbox.shippingDocuments.parameter(order))
        ),
      },
    }),
  },
  {
    method: "POST",
    path: "/api/v2/logistics/create_shipping_document",
    call: "shop",
    handle: (ctx) => ({
      response: {
        result_list: orderList(ctx.params).map((entry) =>
          resultEntry(ctx, entry, (order) => ctx.sandbox.shippingDocuments.create(order, entry))
        ),
      },
    }),
  },
  {
    method: "POST",
    path: "/api/v2/logistics/get_shipping_document_result",
    call: "shop",
    handle: (ctx) => ({
      response: {
        result_list: orderList(ctx.params).map((entry) => resultEntry(ctx, entry, (order) => ctx.sandbox.shippingDocuments.result(order))),
      },
    }),
  },
  {
    method: "POST",
    path: "/api/v2/logistics/download_shipping_document",
    call: "shop",
    handle(ctx) {
      const orders = orderList(ctx.params).map((entry) => {
        const found = packageOf(ctx, entry)
        if ("fail" in found) throw found.fail
        return found.ok
      })
      const bytes = ctx.sandbox.shippingDocuments.download(orders, optionalString(ctx.params, "shipping_document_type"))
      return { file: { content_type: "application/pdf", bytes } }
    },
  },
]
