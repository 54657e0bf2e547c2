import type { MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"

/**
 * Medusa's error handler answers every CONFLICT with a generic idempotency message, but an
 * operator needs to read why a switch or an activation was refused (`Missing: shop_id`). The
 * 409 is answered here with the service's own message; every other error goes on as usual.
 */
export async function answerConflicts(res: MedusaResponse, handle: () => Promise<void>): Promise<void> {
  try {
    await handle()
  } catch (error) {
    if (MedusaError.isMedusaError(error) && (error as MedusaError).type === MedusaError.Types.CONFLICT) {
      res.status(409).json({ type: "conflict", message: (error as MedusaError).message })
      return
    }
    throw error
  }
}
