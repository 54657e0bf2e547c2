import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { lockFor } from "../../../../../../lib/with-lock"
import { answerShopeeFailures } from "../../../../../answer-shopee-failures"
import { shopeeModule } from "../../../shopee-module"

/**
 * What Shopee offers for shipping one order (`:id` is its sync row), as get_shipping_parameter
 * answers it: the modes, pickup addresses with their time slots (one flagged recommended),
 * drop-off branches. Shopee's refusals (cancelled, being allocated) answer 502 with its words.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse): Promise<void> {
  const shopee = shopeeModule(req)
  const [row] = await shopee.listShopeeOrderSyncs({ id: req.params.id }, { take: 1 })
  if (!row) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Shopee order ${req.params.id} was not found`)
  await answerShopeeFailures(res, async () => {
    const { shop } = await shopee.getShopApi(row.environment, lockFor(req.scope))
    const parameters = await shop.logistics.getShippingParameter({ order_sn: row.order_sn })
    res.json({ order_sn: row.order_sn, shipment_state: row.shipment_state ?? null, shipping_parameter: parameters })
  })
}
