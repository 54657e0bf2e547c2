import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { shopeeModule } from "../../../shopee-module"

/** A person closes an exception; it is not retried again. Resolving a resolved one changes nothing. */
export async function POST(req: MedusaRequest, res: MedusaResponse): Promise<void> {
  const shopee = shopeeModule(req)
  const exception = await shopee.retrieveConnectorException(req.params.id)
  if (exception.status === "resolved") {
    res.json({ exception })
    return
  }
  const resolved = await shopee.updateConnectorExceptions({
    id: exception.id,
    status: "resolved",
    resolved_at: new Date(),
    next_attempt_at: null,
  })
  res.json({ exception: resolved })
}
