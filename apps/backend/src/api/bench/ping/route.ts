import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"

/**
 * The baseline of `npm run bench:webhook`: a route that does nothing but answer 200 with an
 * empty body, as the Shopee webhook does. Both go through the same Medusa HTTP stack (Express,
 * middlewares, request scope), so the ratio between them is what the webhook's own work costs
 * (verifying, storing, emitting). A public route has no business in a store that is not being
 * measured: it answers 404 unless the benchmark started the server with SHOPEE_BENCH_ROUTES=on.
 */
export async function POST(_req: MedusaRequest, res: MedusaResponse): Promise<void> {
  if (process.env.SHOPEE_BENCH_ROUTES !== "on") {
    res.status(404).json({ type: "not_found", message: "Not found" })
    return
  }
  res.status(200).end()
}
