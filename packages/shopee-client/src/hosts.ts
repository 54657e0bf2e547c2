import type { ShopeeRegion } from "./vocabulary.js"

/** Where Shopee serves Open Platform v2. Test keys work only on the TEST_* hosts, live keys only live. */
export const SHOPEE_HOSTS = {
  GLOBAL: "https://partner.shopeemobile.com",
  CHINA: "https://openplatform.shopee.cn",
  BRAZIL: "https://openplatform.shopee.com.br",
  TEST_GLOBAL: "https://openplatform.sandbox.test-stable.shopee.sg",
  TEST_CHINA: "https://openplatform.sandbox.test-stable.shopee.cn",
} as const satisfies Record<ShopeeRegion, string>

export interface BaseUrlOptions {
  region?: ShopeeRegion
  /**
   * Overrides the region: the sandbox simulator, a proxy. It may carry a path prefix
   * (`https://proxy.example/shopee`); the signed path stays the API path (`/api/v2/...`).
   */
  baseUrl?: string
}

/** The base URL without a trailing slash; an unknown region is a configuration error, said at once. */
export function resolveBaseUrl({ region, baseUrl }: BaseUrlOptions): string {
  if (baseUrl !== undefined) {
    const parsed = new URL(baseUrl)
    if (parsed.protocol !== "https:" && parsed.protocol !== "http:") {
      throw new TypeError(`baseUrl must be an http(s) URL, got protocol ${parsed.protocol}`)
    }
    return baseUrl.replace(/\/+$/, "")
  }
  if (region === undefined) throw new TypeError("Either region or baseUrl is required")
  const host = SHOPEE_HOSTS[region]
  if (host === undefined) {
    throw new TypeError(`Unknown region ${String(region)}; expected one of ${Object.keys(SHOPEE_HOSTS).join(", ")}`)
  }
  return host
}
