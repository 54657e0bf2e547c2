import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { ShopeeEnvironment } from "../../../modules/shopee/environments"
import { OAUTH_STATE_TTL_MS } from "../../../modules/shopee/oauth/oauth-state"

/**
 * The cookie that binds an OAuth state to the browser that asked for it. `Connect` sets it
 * beside the link; Shopee sends the seller back to the callback in that same browser, which
 * presents it (SameSite=Lax cookies go with a top-level GET from another site). A state copied
 * to another browser, or a callback forged by someone else, comes without it.
 * The callback must be served from the same host as the admin (the public URL).
 */
export const OAUTH_COOKIE_PATH = "/connectors/shopee/oauth"

export function oauthCookieName(environment: ShopeeEnvironment): string {
  return `shopee_oauth_${environment}`
}

export function setOAuthBindingCookie(res: MedusaResponse, environment: ShopeeEnvironment, secret: string, publicUrl: string): void {
  res.cookie(oauthCookieName(environment), secret, {
    httpOnly: true,
    sameSite: "lax",
    path: OAUTH_COOKIE_PATH,
    maxAge: OAUTH_STATE_TTL_MS,
    secure: publicUrl.startsWith("https:"),
  })
}

export function readOAuthBindingCookie(req: MedusaRequest, environment: ShopeeEnvironment): string | undefined {
  const value = (req.cookies as Record<string, unknown> | undefined)?.[oauthCookieName(environment)]
  return typeof value === "string" ? value : undefined
}

export function clearOAuthBindingCookie(res: MedusaResponse, environment: ShopeeEnvironment): void {
  res.clearCookie(oauthCookieName(environment), { path: OAUTH_COOKIE_PATH })
}
