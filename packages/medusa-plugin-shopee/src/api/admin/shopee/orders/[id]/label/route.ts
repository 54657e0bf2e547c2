import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { labelView } from "../../../../../../lib/fulfilment/shipping-label-plan"
import { requestShippingLabel } from "../../../../../../lib/fulfilment/shipping-label"
import { answerShopeeFailures } from "../../../../../answer-shopee-failures"
import { shopeeModule } from "../../../shopee-module"

async function syncRow(req: MedusaRequest) {
  const [row] = await shopeeModule(req).listShopeeOrderSyncs({ id: req.params.id }, { take: 1 })
  if (!row) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Shopee order ${req.params.id} was not found`)
  return row
}

/** Where the label of one Shopee order (`:id` is its sync row) stands: `state` null when it was never asked for. */
export async function GET(req: MedusaRequest, res: MedusaResponse): Promise<void> {
  res.json({ label: labelView(await syncRow(req)) })
}

/**
 * Asks Shopee for the order's label (air waybill), stored through Medusa's File module as soon as
 * Shopee has made it. Idempotent: a label requested or ready is not asked again. 200 with the
 * label (`failed` with Shopee's reason, and an exception to retry it); 409 naming why when Shopee
 * would not print it (not arranged, no tracking number yet, cancelled); 502 when Shopee fails.
 */
export async function POST(req: MedusaRequest, res: MedusaResponse): Promise<void> {
  const row = await syncRow(req)
  await answerShopeeFailures(res, async () => {
    const outcome = await requestShippingLabel(req.scope, { environment: row.environment, order_sn: row.order_sn })
    if (outcome.outcome === "label") res.status(200).json({ label: outcome.label })
    else res.status(409).json({ type: "not_allowed", message: outcome.reason, label: labelView(row) })
  })
}
