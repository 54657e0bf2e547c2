import type { MedusaContainer } from "@medusajs/framework/types"
import type { ShopeeEnvironment } from "../../modules/shopee/environments"
import { resolveShopee } from "../shopee-module"
import { lockFor } from "../with-lock"
import type { ShopeeOrderDetail } from "./shopee-order"
import { syncShopeeOrder, type OrderSyncOutcome } from "./sync-shopee-order"

export type ImportRequest = {
  environment: ShopeeEnvironment
  orders: { order_sn: string; tracking_number?: string | null }[]
  event_id?: string | null
  onProgress?: (progress: { done: number; total: number }) => void
}

export type ImportSummary = Record<OrderSyncOutcome | "failed", number> & { failures: { order_sn: string; message: string }[] }

/**
 * Fetches the orders from Shopee (`get_order_detail`, 50 per call, with the optional fields the
 * import needs) and syncs each one. One order failing does not stop the others: its failure is
 * recorded with a retry schedule.
 */
export async function importShopeeOrders(container: MedusaContainer, request: ImportRequest): Promise<ImportSummary> {
  const summary: ImportSummary = { imported: 0, updated: 0, unchanged: 0, stale: 0, held: 0, skipped: 0, failed: 0, failures: [] }
  const wanted = new Map(request.orders.map((order) => [order.order_sn, order.tracking_number ?? null]))
  if (wanted.size === 0) return summary
  const { shop, credentials } = await resolveShopee(container).getShopApi(request.environment, lockFor(container))
  let details: Map<string, ShopeeOrderDetail>
  try {
    const { order_list } = await shop.orders.getOrderDetail({ order_sn_list: [...wanted.keys()] })
    details = new Map((order_list as unknown as ShopeeOrderDetail[]).map((detail) => [detail.order_sn, detail]))
  } catch (error) {
    // Shopee did not answer (after the client's own retries): each order keeps its own retry schedule.
    for (const orderSn of wanted.keys()) {
      summary.failed += 1
      summary.failures.push({ order_sn: orderSn, message: (error as Error).message })
      await resolveShopee(container).recordExceptionFailure({ environment: request.environment, kind: "order_import_failed", payload_ref: orderSn, error })
    }
    return summary
  }
  let done = 0
  for (const [orderSn, trackingNumber] of wanted) {
    const detail = details.get(orderSn)
    try {
      if (!detail) throw new Error(`Shopee returned no detail for order ${orderSn}`)
      const outcome = await syncShopeeOrder(container, {
        environment: request.environment,
        profile_id: credentials.profile_id,
        shop_id: String(credentials.shop_id),
        detail,
        tracking_number: trackingNumber,
        event_id: request.event_id ?? null,
      })
      summary[outcome] += 1
    } catch (error) {
      summary.failed += 1
      summary.failures.push({ order_sn: orderSn, message: (error as Error).message })
      await resolveShopee(container).recordExceptionFailure({ environment: request.environment, kind: "order_import_failed", payload_ref: orderSn, error })
    }
    done += 1
    request.onProgress?.({ done, total: wanted.size })
  }
  return summary
}
