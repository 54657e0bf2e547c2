import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { resolveShopee } from "../../../lib/shopee-module"
import { environmentOfSegment } from "./environment-segment"

/**
 * Where Shopee sends the seller back after an authorization. Always a redirect to the admin's
 * Shopee page with the outcome (`status=ok|error`, `reason`), never a 500 and never a secret
 * in the URL: the code is exchanged here and the tokens stored encrypted.
 */
export async function completeOAuthCallback(req: MedusaRequest, res: MedusaResponse, segment: string | undefined) {
  const shopee = resolveShopee(req.scope)
  const environment = environmentOfSegment(segment)
  const redirect = (outcome: Record<string, string>) => {
    const target = new URL(shopee.publicUrlForPath("/app/shopee"))
    for (const [key, value] of Object.entries(outcome)) target.searchParams.set(key, value)
    res.redirect(302, target.toString())
  }
  if (!environment) {
    return redirect({ status: "error", reason: "bad_env_path" })
  }
  const query = req.query as Record<string, unknown>
  const code = typeof query.code === "string" ? query.code : ""
  if (!code) {
    return redirect({ env: environment, status: "error", reason: "missing_code" })
  }
  try {
    const outcome = await shopee.completeAuthorization({
      environment,
      code,
      shop_id: typeof query.shop_id === "string" ? query.shop_id : undefined,
      state: typeof query.state === "string" ? query.state : undefined,
    })
    return redirect(outcome.status === "ok" ? { env: environment, status: "ok" } : { env: environment, status: "error", reason: outcome.reason })
  } catch {
    return redirect({ env: environment, status: "error", reason: "exchange_failed" })
  }
}
