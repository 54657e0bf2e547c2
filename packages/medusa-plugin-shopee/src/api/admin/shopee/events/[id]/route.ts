import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { shopeeModule } from "../../shopee-module"

/** One push as it arrived, with its raw body and the headers that matter. */
export async function GET(req: MedusaRequest, res: MedusaResponse): Promise<void> {
  res.json({ event: await shopeeModule(req).retrieveShopeeRawEvent(req.params.id) })
}
