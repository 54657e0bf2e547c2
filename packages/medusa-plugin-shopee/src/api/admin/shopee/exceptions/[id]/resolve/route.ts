import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { shopeeModule } from "../../../shopee-module"

/** A person closes an exception; it is not retried again. Resolving a resolved one changes nothing. */
export async function POST(req: MedusaRequest, res: MedusaResponse): Promise<void> {
  res.json({ exception: await shopeeModule(req).resolveException(req.params.id) })
}
