import { resolveShopee } from "../../lib/shopee-module"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { orderSetupReader } from "../../lib/orders/create-order-from-shopee"
import { eachAtMost } from "../../lib/orders/each-at-most"
import { syncShopeeOrder } from "../../lib/orders/sync-shopee-order"
import { MAX_LOCKED_JOBS } from "../../lib/with-lock"
import { placeShopeeOrderWith } from "../place-shopee-order"
import { summarizeOrderSyncs, type OrderSyncReport, type SyncOrdersSummary } from "../../lib/orders/sync-summary"
import type { FetchedOrderDetails, SyncShopeeOrdersInput } from "./fetch-shopee-order-details"

export const syncEachShopeeOrderStepId = "sync-each-shopee-order"

/**
 * Syncs each fetched order into Medusa (`syncShopeeOrder`, one order under its lock, placing new
 * orders with `placeShopeeOrderWorkflow`), several at once: as many as the process runs locked
 * jobs (`MAX_LOCKED_JOBS`), since each order runs under its lock and more would only queue for a
 * slot. The store's set-up (region, channel, location, shipping option) is read once for the
 * batch. One order failing does not stop the others: its failure is recorded with a retry
 * schedule. Nothing to compensate: each order is claimed, locked and made idempotent on its own,
 * so a rerun finishes what a failed run left.
 */
export const syncEachShopeeOrderStep = createStep(
  syncEachShopeeOrderStepId,
  async (
    input: { request: SyncShopeeOrdersInput; fetched: FetchedOrderDetails },
    { container }
  ): Promise<StepResponse<SyncOrdersSummary>> => {
    const { request, fetched } = input
    const wanted = new Map(request.orders.map((order) => [order.order_sn, order]))
    const details = new Map(fetched.details.map((detail) => [detail.order_sn, detail]))
    const reports: Record<string, OrderSyncReport> = {}
    const placeOrder = placeShopeeOrderWith(container)
    const readSetup = orderSetupReader(container)
    await eachAtMost([...wanted], MAX_LOCKED_JOBS, async ([orderSn, order]) => {
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
            tracking_number: order.tracking_number ?? null,
            event_id: request.event_id ?? null,
          },
          placeOrder,
          readSetup
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
    })
    return new StepResponse(summarizeOrderSyncs(reports))
  }
)
