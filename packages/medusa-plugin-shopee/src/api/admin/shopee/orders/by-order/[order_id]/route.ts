import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { labelView } from "../../../../../../lib/fulfilment/shipping-label-plan"
import { shopeeModule } from "../../../shopee-module"

/**
 * The Shopee side of one Medusa order, for the widget on the order's page: its sync row, or
 * null when the order did not come from Shopee. An order is imported once, so there is at most
 * one row; should there ever be more, the newest answers. `label` is its label as the label
 * routes answer it (null without a row), so that the widget can offer "Print label".
 */
export async function GET(req: MedusaRequest, res: MedusaResponse): Promise<void> {
  const [row] = await shopeeModule(req).listShopeeOrderSyncs(
    { order_id: req.params.order_id },
    { take: 1, order: { created_at: "DESC", id: "DESC" } }
  )
  res.json({ shopee_order: row ?? null, label: row ? labelView(row) : null })
}
