import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { OrderDetail } from "@shopee-medusa/shopee-client"
import { resolveShopee } from "../../lib/shopee-module"
import { lockFor } from "../../lib/with-lock"
import type { ShopeeEnvironment } from "../../modules/shopee/environments"

export type SyncShopeeOrdersInput = {
  environment: ShopeeEnvironment
  orders: { order_sn: string; tracking_number?: string | null }[]
  /** The push that asked for the sync, remembered on the order's sync row. */
  event_id?: string | null
}

export type FetchedOrderDetails = {
  shop: { profile_id: string | null; shop_id: string } | null
  details: OrderDetail[]
  /** Shopee did not answer (after the client's own retries): every order of the batch failed with this. */
  failure: string | null
}

export const fetchShopeeOrderDetailsStepId = "fetch-shopee-order-details"

/**
 * Fetches the orders from Shopee (`get_order_detail`, 50 per call, with the optional fields the
 * sync needs). A missing profile or token fails the step; Shopee failing to answer does not: each
 * order then fails on its own and keeps its own retry schedule. Reads only, so nothing to undo.
 */
export const fetchShopeeOrderDetailsStep = createStep(
  fetchShopeeOrderDetailsStepId,
  async (input: SyncShopeeOrdersInput, { container }): Promise<StepResponse<FetchedOrderDetails>> => {
    const orderSns = [...new Set(input.orders.map((order) => order.order_sn))]
    if (orderSns.length === 0) return new StepResponse({ shop: null, details: [], failure: null })
    const { shop, credentials } = await resolveShopee(container).getShopApi(input.environment, lockFor(container))
    const fetched = { profile_id: credentials.profile_id, shop_id: String(credentials.shop_id) }
    try {
      const { order_list } = await shop.orders.getOrderDetail({ order_sn_list: orderSns })
      return new StepResponse({ shop: fetched, details: order_list, failure: null })
    } catch (error) {
      return new StepResponse({ shop: fetched, details: [], failure: (error as Error).message })
    }
  }
)
