import type { Logger, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { ShopeeEnvironment } from "../../modules/shopee/environments"
import { resolveShopee } from "../shopee-module"
import { lockFor } from "../with-lock"
import { labelShopeeTracking } from "./arrange-shipment"

/** Orders polled per run, oldest arrangement first; the rest wait for the next run. */
const BATCH = 100
/** Statuses after which Shopee will not assign a number any more: polling them would never end. */
const FINISHED_STATUSES = ["CANCELLED", "COMPLETED"]

type Row = { environment: ShopeeEnvironment; order_sn: string }

/**
 * Asks Shopee for the tracking number of each order arranged from Medusa that has none yet
 * (Shopee answers empty for a few minutes after ship_order, and push 4 may be lost), and writes
 * it on the order's Medusa fulfilment label. An environment whose shop cannot be reached is
 * tried again at the next run; one order's failed read does not stop the others.
 */
export async function pollTrackingNumbers(container: MedusaContainer): Promise<{ polled: number; labelled: number }> {
  const shopee = resolveShopee(container)
  const logger = container.resolve<Logger>(ContainerRegistrationKeys.LOGGER)
  const rows = (await shopee.listShopeeOrderSyncs(
    { shipment_state: "arranged", tracking_number: null, fulfillment_id: { $ne: null }, shopee_status: { $nin: FINISHED_STATUSES } },
    { take: BATCH, order: { shipment_arranged_at: "ASC" } }
  )) as Row[]
  let polled = 0
  let labelled = 0
  for (const environment of new Set(rows.map((row) => row.environment))) {
    let shop
    try {
      shop = (await shopee.getShopApi(environment, lockFor(container))).shop
    } catch (error) {
      logger.warn(`Shopee tracking numbers (${environment}) not polled: ${(error as Error).message}`)
      continue
    }
    for (const row of rows.filter((candidate) => candidate.environment === environment)) {
      polled += 1
      try {
        const { tracking_number } = await shop.logistics.getTrackingNumber({ order_sn: row.order_sn })
        if (tracking_number && (await labelShopeeTracking(container, { environment, order_sn: row.order_sn, tracking_number })))
          labelled += 1
      } catch (error) {
        logger.warn(`Shopee order ${row.order_sn}: its tracking number could not be read: ${(error as Error).message}`)
      }
    }
  }
  return { polled, labelled }
}
