import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { shopeeModule } from "../../shopee-module"
import type { RotateEncryptionBodyType } from "../../validators"

/** Re-encrypts every secret written with an older key; `dry_run` only counts them. */
export async function POST(req: MedusaRequest<RotateEncryptionBodyType>, res: MedusaResponse): Promise<void> {
  const shopee = shopeeModule(req)
  const report = await shopee.rotateEncryption({
    dryRun: req.validatedBody.dry_run,
    batchSize: req.validatedBody.batch_size,
  })
  res.json({ ...report, status: await shopee.encryptionStatus() })
}
