import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { shopeeModule } from "../shopee-module"

/** Which key wrote each stored secret: the verify step of a key rotation. */
export async function GET(req: MedusaRequest, res: MedusaResponse): Promise<void> {
  res.json(await shopeeModule(req).encryptionStatus())
}
