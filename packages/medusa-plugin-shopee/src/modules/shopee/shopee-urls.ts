import type { ShopeeEnvironment } from "./environments"

/**
 * The URLs registered at Shopee. They are built from the configured public base URL, never
 * from a request's Host header: behind a proxy the URL the app sees differs from the one Shopee
 * signs pushes with.
 */
export function shopeeUrls(publicUrl: string, environment: ShopeeEnvironment) {
  const base = publicUrl.replace(/\/+$/, "")
  return {
    oauth_callback_url: `${base}/connectors/shopee/oauth/callback/${environment}`,
    push_url: `${base}/connectors/shopee/webhook/${environment}`,
  }
}
