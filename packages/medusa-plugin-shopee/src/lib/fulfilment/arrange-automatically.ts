import type { Logger, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { ShopeeEnvironment } from "../../modules/shopee/environments"
import type { ShipmentState } from "../../modules/shopee/models/shopee-order-sync"
import { arrangeShopeeShipmentWorkflow } from "../../workflows/arrange-shopee-shipment"
import { resolveShopee } from "../shopee-module"
import type { ArrangementResult } from "./arrange-shipment"
import { planAutoArrangement } from "./plan-auto-arrangement"
import { shipDefaultOf } from "./ship-default"

/** After an automatic arrangement failed unexpectedly (Shopee unreachable), when the due-shipments job tries again. */
const RETRY_AFTER_FAILURE_MS = 5 * 60_000

type Row = {
  id: string
  environment: ShopeeEnvironment
  order_sn: string
  profile_id: string | null
  shipment_state: ShipmentState | null
  fulfillment_id: string | null
}

export type AutoArrangementResult = ArrangementResult | { outcome: "skipped"; order_sn: string; reason: string }

/**
 * A Medusa fulfilment was created on an order: when it is an imported Shopee order whose profile
 * has a shipping default, its shipment is arranged on Shopee with that default, linking this
 * fulfilment (not a second one), once Shopee's buyer-cancel window has passed. Null: not a
 * Shopee order. An unexpected failure is not lost: the order is left deferred, due again shortly.
 */
export async function arrangeAutomatically(
  container: MedusaContainer,
  input: { order_id: string; fulfillment_id: string; now?: number }
): Promise<AutoArrangementResult | null> {
  const shopee = resolveShopee(container)
  const [row] = (await shopee.listShopeeOrderSyncs({ order_id: input.order_id }, { take: 1 })) as Row[]
  if (!row) return null
  const plan = planAutoArrangement(row, await shipDefaultOf(container, row.environment, row.profile_id))
  if (plan.act === "skip") return { outcome: "skipped", order_sn: row.order_sn, reason: plan.reason }
  return runAutomatic(container, row, input.fulfillment_id, input.now)
}

/** Arranges every automatic arrangement whose buyer-cancel window has passed by `now`. */
export async function arrangeDueShipments(container: MedusaContainer, now = Date.now()): Promise<AutoArrangementResult[]> {
  const shopee = resolveShopee(container)
  const due = (await shopee.listShopeeOrderSyncs(
    { shipment_state: "deferred", shipment_due_at: { $lte: new Date(now) } },
    { take: 50, order: { shipment_due_at: "ASC" } }
  )) as Row[]
  const results: AutoArrangementResult[] = []
  for (const row of due) results.push(await runAutomatic(container, row, row.fulfillment_id, now))
  return results
}

async function runAutomatic(container: MedusaContainer, row: Row, fulfillmentId: string | null, now = Date.now()) {
  try {
    const { result } = await arrangeShopeeShipmentWorkflow(container).run({
      input: { environment: row.environment, order_sn: row.order_sn, automatic: { fulfillment_id: fulfillmentId, now } },
    })
    return result
  } catch (error) {
    const reason = `Arranging the shipment automatically failed: ${(error as Error).message}`
    container.resolve<Logger>(ContainerRegistrationKeys.LOGGER).warn(`Shopee order ${row.order_sn}: ${reason}`)
    await resolveShopee(container).updateShopeeOrderSyncs({
      id: row.id,
      shipment_state: "deferred",
      shipment_reason: reason,
      shipment_due_at: new Date(now + RETRY_AFTER_FAILURE_MS),
      ...(fulfillmentId ? { fulfillment_id: fulfillmentId } : {}),
    })
    return { outcome: "deferred" as const, order_sn: row.order_sn, reason }
  }
}
