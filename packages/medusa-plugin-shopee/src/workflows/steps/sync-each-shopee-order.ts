import { resolveShopee } from "../../lib/shopee-module"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { syncShopeeOrder } from "../../lib/orders/sync-shopee-order"
import { placeShopeeOrderWith } from "../place-shopee-order"
import { summarizeOrderSyncs, type OrderSyncReport, type SyncOrdersSummary } from "../../lib/orders/sync-summary"
import type { FetchedOrderDetails, SyncShopeeOrdersInput } from "./fetch-shopee-order-details"

export const syncEachShopeeOrderStepId = "sync-each-shopee-order"

/**
 * Syncs each fetched order into Medusa (`syncShopeeOrder`, one order under its lock, placing new
 * orders with `placeShopeeOrderWorkflow`). One order
 * failing does not stop the others: its failure is recorded with a retry schedule. Nothing to
 * compensate: each order is claimed, locked and made idempotent on its own, so a rerun finishes
 * what a failed run left.
 */
export const syncEachShopeeOrderStep = createStep(
  syncEachShopeeOrderStepId,
  async (
    input: { request: SyncShopeeOrdersInput; fetched: FetchedOrderDetails },
    { container }
  ): Promise<StepResponse<SyncOrdersSummary>> => {
    const { request, fetched } = input
    const wanted = new Map(request.orders.map((order) => [order.order_sn, order.tracking_number ?? null]))
    const details = new Map(fetched.details.map((detail) => [detail.order_sn, detail]))
    const reports: Record<string, OrderSyncReport> = {}
    const placeOrder = placeShopeeOrderWith(container)
    for (const [orderSn, trackingNumber] of wanted) {
      const detail = details.get(orderSn)
      try {
        if (fetched.failure !== null) throw new Error(fetched.failure)
        if (!detail || !fetched.shop) throw new Error(`Shopee returned no detail for order ${orderSn}`)
        reports[orderSn] = await syncShopeeOrder(
          container,
          {
            environment: request.environment,
            profile_id: fetched.shop.profile_id,
            shop_id: fetched.shop.shop_id,
            detail,
            tracking_number: trackingNumber,
            event_id: request.event_id ?? null,
          },
          placeOrder
        )
      } catch (error) {
        reports[orderSn] = { outcome: "failed", reason: (error as Error).message }
        await resolveShopee(container).recordExceptionFailure({
          environment: request.environment,
          kind: "order_import_failed",
          payload_ref: orderSn,
          error,
        })
      }
    }
    return new StepResponse(summarizeOrderSyncs(reports))
  }
)
