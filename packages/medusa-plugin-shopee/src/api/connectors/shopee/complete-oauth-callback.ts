import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { resolveShopee } from "../../../lib/shopee-module"
import { environmentOfSegment } from "./environment-segment"
import { clearOAuthBindingCookie, readOAuthBindingCookie } from "./oauth-binding-cookie"

/**
 * One query parameter as Shopee sends it: absent, or a single string. A repeated parameter
 * (`state=a&state=b`) or a nested one (`state[x]=a`) is `invalid`, never read as absent.
 */
function single(query: Record<string, unknown>, name: string): string | undefined | "invalid" {
  const value = query[name]
  if (value === undefined) return undefined
  return typeof value === "string" ? value : "invalid"
}

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
  const code = single(query, "code")
  if (!code || code === "invalid") {
    return redirect({ env: environment, status: "error", reason: "missing_code" })
  }
  const state = single(query, "state")
  if (state === "invalid") {
    return redirect({ env: environment, status: "error", reason: "bad_state" })
  }
  const shopId = single(query, "shop_id")
  if (shopId === "invalid") {
    return redirect({ env: environment, status: "error", reason: "bad_shop_id" })
  }
  const binding = readOAuthBindingCookie(req, environment)
  if (state !== undefined) {
    // The binding is good for one attempt, whatever its outcome.
    clearOAuthBindingCookie(res, environment)
  }
  try {
    const outcome = await shopee.completeAuthorization({ environment, code, shop_id: shopId, state, binding })
    return redirect(
      outcome.status === "ok" ? { env: environment, status: "ok" } : { env: environment, status: "error", reason: outcome.reason }
    )
  } catch {
    return redirect({ env: environment, status: "error", reason: "exchange_failed" })
  }
}
