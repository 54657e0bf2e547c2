import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { planBulkLabels, type LabelRow } from "../../../../../lib/fulfilment/shipping-label-plan"
import { lockFor } from "../../../../../lib/with-lock"
import { answerShopeeFailures } from "../../../../answer-shopee-failures"
import { shopeeModule } from "../../shopee-module"
import type { PrintLabelsBodyType } from "../label-validators"

/**
 * The labels of several Shopee orders (sync row ids) in one PDF, a page per order, as Shopee's
 * download_shipping_document makes it in one call. 400 naming the ids without a ready label
 * (or when the labels are of several types or environments); 502 when Shopee fails, e.g. a
 * parcel already picked up, whose label Shopee no longer serves (its own stays in the File module).
 */
export async function POST(req: AuthenticatedMedusaRequest<PrintLabelsBodyType>, res: MedusaResponse): Promise<void> {
  const shopee = shopeeModule(req)
  const { ids } = req.validatedBody
  const rows = await shopee.listShopeeOrderSyncs({ id: ids }, { take: ids.length })
  const plan = planBulkLabels(ids, rows as LabelRow[])
  if ("refuse" in plan) {
    res.status(400).json({ type: "invalid_data", message: plan.refuse })
    return
  }
  const environments = [...new Set(rows.map((row) => row.environment))]
  if (environments.length !== 1) {
    res.status(400).json({ type: "invalid_data", message: `The orders belong to several environments (${environments.join(", ")})` })
    return
  }
  await answerShopeeFailures(res, async () => {
    const { shop } = await shopee.getShopApi(environments[0], lockFor(req.scope))
    const file = await shop.logistics.downloadShippingDocument({
      shipping_document_type: plan.shipping_document_type,
      order_list: plan.download,
    })
    res.setHeader("Content-Type", file.content_type)
    res.setHeader("Content-Disposition", `inline; filename="shopee-labels-${ids.length}.pdf"`)
    res.status(200).send(Buffer.from(file.bytes))
  })
}
