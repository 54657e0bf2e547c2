import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"

/**
 * The baseline of `npm run bench:webhook`: a route that does nothing but answer 200 with an
 * empty body, as the Shopee webhook does. Both go through the same Medusa HTTP stack (Express,
 * middlewares, request scope), so the ratio between them is what the webhook's own work costs
 * (verifying, storing, emitting). It reads and changes nothing, so it is harmless in production.
 */
export async function POST(_req: MedusaRequest, res: MedusaResponse): Promise<void> {
  res.status(200).end()
}
