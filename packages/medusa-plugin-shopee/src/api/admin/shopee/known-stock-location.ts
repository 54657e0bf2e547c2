import type { MedusaRequest } from "@medusajs/framework/http"
import { MedusaError, Modules } from "@medusajs/framework/utils"

/**
 * A profile's `default_location_id` names one of Medusa's stock locations. The Shopee module
 * cannot see the stock location module (modules stay isolated), so the route checks it before
 * anything is written; a cleared value (null) needs no check.
 */
export async function assertKnownStockLocation(req: MedusaRequest, body: { default_location_id?: string | null }): Promise<void> {
  const id = body.default_location_id
  if (id === undefined || id === null) return
  const stockLocations = req.scope.resolve(Modules.STOCK_LOCATION)
  const [found] = await stockLocations.listStockLocations({ id: [id] }, { select: ["id"], take: 1 })
  if (!found) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "default_location_id names no stock location of this store")
  }
}
