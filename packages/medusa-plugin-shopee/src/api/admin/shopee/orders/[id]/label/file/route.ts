import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { storedLabelFile } from "../../../../../../../lib/fulfilment/shipping-label"
import { shopeeModule } from "../../../../shopee-module"

/** The stored label of one Shopee order as a PDF (from Medusa's File module, not Shopee); 409 until it is ready. */
export async function GET(req: MedusaRequest, res: MedusaResponse): Promise<void> {
  const [row] = await shopeeModule(req).listShopeeOrderSyncs({ id: req.params.id }, { take: 1 })
  if (!row) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Shopee order ${req.params.id} was not found`)
  if (row.label_state !== "ready" || !row.label_file_id) {
    const state = row.label_state ?? "never requested"
    res.status(409).json({ type: "not_allowed", message: `The label of Shopee order ${row.order_sn} is not ready (${state})` })
    return
  }
  const pdf = await storedLabelFile(req.scope, row.label_file_id)
  res.setHeader("Content-Type", "application/pdf")
  res.setHeader("Content-Disposition", `inline; filename="shopee-label-${row.order_sn}.pdf"`)
  res.status(200).send(pdf)
}
