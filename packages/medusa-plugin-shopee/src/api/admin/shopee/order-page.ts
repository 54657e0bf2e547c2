import type { MedusaContainer } from "@medusajs/framework/types"
import { getOrdersListWorkflow } from "@medusajs/medusa/core-flows"
import type ShopeeModuleService from "../../../modules/shopee/service"
import { containsPattern, NEWEST_FIRST, oneOf } from "./list-page"
import type { ListOrdersQueryType } from "./list-validators"

const SYNC_FIELDS = [
  "id",
  "environment",
  "order_sn",
  "shop_id",
  "profile_id",
  "order_id",
  "state",
  "state_reason",
  "shopee_status",
  "shopee_update_time",
  "currency",
  "total_amount",
  "buyer_username",
  "tracking_number",
  "paid",
  "last_raw_event_id",
  "last_synced_at",
  "shipment_state",
  "shipment_mode",
  "shipment_reason",
  "shipment_arranged_at",
  "fulfillment_id",
  "created_at",
  "updated_at",
]

const ORDER_FIELDS = ["id", "display_id", "status", "total", "currency_code", "payment_status", "fulfillment_status", "created_at"]

/**
 * One page of Shopee orders. `query.graph` cannot filter on the connector's columns, so the
 * page is cut from `shopee_order_sync` in the database first and only that page's Medusa orders
 * are fetched, by id: a page costs the same with a hundred orders or a million. The orders come
 * through Medusa's own list workflow (as on `GET /admin/orders`) because `payment_status` and
 * `fulfillment_status` are not columns: the workflow derives them from payments and fulfillments.
 */
export async function shopeeOrderPage(
  shopee: ShopeeModuleService,
  container: MedusaContainer,
  { env, status, q, limit, offset }: ListOrdersQueryType
) {
  const filters: Record<string, unknown> = {}
  if (env) filters.environment = env
  if (status) filters.shopee_status = oneOf(status)
  if (q) filters.order_sn = { $ilike: containsPattern(q) }

  const [rows, count] = await shopee.listAndCountShopeeOrderSyncs(filters, {
    select: SYNC_FIELDS,
    skip: offset,
    take: limit,
    order: NEWEST_FIRST,
  })

  const orderIds = [...new Set(rows.map((row) => row.order_id).filter((id): id is string => !!id))]
  const ordersById = new Map<string, Record<string, unknown>>()
  if (orderIds.length) {
    const { result } = await getOrdersListWorkflow(container).run({
      input: { fields: ORDER_FIELDS, variables: { filters: { id: orderIds }, skip: 0, take: orderIds.length } },
    })
    const found = (Array.isArray(result) ? result : result.rows) as unknown as Record<string, unknown>[]
    for (const order of found) {
      ordersById.set(order.id as string, Object.fromEntries(ORDER_FIELDS.map((field) => [field, order[field] ?? null])))
    }
  }

  return {
    orders: rows.map((row) => ({ ...row, order: (row.order_id && ordersById.get(row.order_id)) || null })),
    count,
    limit,
    offset,
  }
}
