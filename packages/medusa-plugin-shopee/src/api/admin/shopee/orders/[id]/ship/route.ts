import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { arrangeShopeeShipmentWorkflow } from "../../../../../../workflows/arrange-shopee-shipment"
import { answerShopeeFailures } from "../../../../../answer-shopee-failures"
import { shopeeErrorFromWorkflow } from "../../../../../../lib/shopee-error-from-workflow"
import { shopeeModule } from "../../../shopee-module"
import type { ShipShopeeOrderBodyType } from "../../shipment-validators"

const STATUS_BY_REFUSAL = { not_imported: 409, cancelled: 409, not_ready: 409, invalid_choice: 400 } as const

/**
 * Arranges the shipment of one Shopee order (`:id` is its sync row): ship_order on Shopee once,
 * then the Medusa fulfilment. 200 arranged (again: Shopee is not called twice); 202 deferred
 * (Shopee said "not now": retried through its exception); 409 refused (cancelled on Shopee, not
 * imported, not ready) and 400 for a choice Shopee does not offer, each with the reason; 502 when
 * Shopee fails.
 */
export async function POST(req: AuthenticatedMedusaRequest<ShipShopeeOrderBodyType>, res: MedusaResponse): Promise<void> {
  const [row] = await shopeeModule(req).listShopeeOrderSyncs({ id: req.params.id }, { take: 1 })
  if (!row) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Shopee order ${req.params.id} was not found`)
  await answerShopeeFailures(res, async () => {
    const { result } = await arrangeShopeeShipmentWorkflow(req.scope)
      .run({ input: { environment: row.environment, order_sn: row.order_sn, choice: req.validatedBody } })
      .catch((error) => {
        throw shopeeErrorFromWorkflow(error)
      })
    if (result.outcome === "arranged") {
      res.status(200).json({ shipment: result })
    } else if (result.outcome === "deferred") {
      res.status(202).json({ shipment: result, message: `${result.reason}. It is retried later.` })
    } else {
      res.status(STATUS_BY_REFUSAL[result.code]).json({
        type: result.code === "invalid_choice" ? "invalid_data" : "not_allowed",
        message: result.reason,
        ...(result.field ? { field: result.field } : {}),
        shipment: result,
      })
    }
  })
}
