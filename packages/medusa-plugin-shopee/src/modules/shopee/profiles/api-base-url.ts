import { SHOPEE_HOSTS } from "@shopee-medusa/shopee-client"
import type { ShopeeEnvironment } from "../environments"

/**
 * Where a profile's API calls (and so its partner key's signatures and its shop's access token)
 * may go. From the admin form: only Shopee's own hosts for the profile's environment. Anything
 * else (the simulator, a proxy) must be allowed by the server's configuration, which an admin
 * session cannot change, and must be https unless it stays on this machine (loopback).
 */
export const SHOPEE_HOSTS_BY_ENVIRONMENT: Record<ShopeeEnvironment, readonly string[]> = {
  sandbox: [SHOPEE_HOSTS.TEST_GLOBAL, SHOPEE_HOSTS.TEST_CHINA, "https://partner.test-stable.shopeemobile.com"],
  live: [SHOPEE_HOSTS.GLOBAL, SHOPEE_HOSTS.CHINA, SHOPEE_HOSTS.BRAZIL],
}

export const ALLOWED_API_BASE_URLS_ENV = "SHOPEE_ALLOWED_API_BASE_URLS"

/** `scheme://host[:port][/path]` without a trailing slash; null for anything that is not a plain http(s) URL. */
export function normalizeBaseUrl(value: string): string | null {
  let url: URL
  try {
    url = new URL(value.trim())
  } catch {
    return null
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return null
  if (url.username || url.password || url.search || url.hash) return null
  return `${url.protocol}//${url.host}${url.pathname}`.replace(/\/+$/, "")
}

export function isLoopbackHost(hostname: string): boolean {
  return hostname === "localhost" || hostname === "[::1]" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname)
}

/**
 * The server's extra base URLs (comma-separated or a list). Each must be https, or http on a
 * loopback address; the others are returned as `invalid` for the caller to refuse at boot.
 */
export function parseAllowedBaseUrls(value: string | readonly string[] | undefined): { urls: string[]; invalid: string[] } {
  const entries = (typeof value === "string" ? value.split(",") : (value ?? [])).map((entry) => entry.trim()).filter(Boolean)
  const urls: string[] = []
  const invalid: string[] = []
  for (const entry of entries) {
    const normalized = normalizeBaseUrl(entry)
    const secureEnough = normalized !== null && (normalized.startsWith("https:") || isLoopbackHost(new URL(normalized).hostname))
    if (secureEnough) urls.push(normalized)
    else invalid.push(entry)
  }
  return { urls, invalid }
}

/** Null when a profile of `environment` may use `value`; otherwise the reason, naming the field. */
export function apiBaseUrlProblem(value: string, environment: ShopeeEnvironment, allowed: readonly string[]): string | null {
  const normalized = normalizeBaseUrl(value)
  if (normalized === null) {
    return "api_base_url must be an http(s) URL without credentials, query or fragment"
  }
  if (SHOPEE_HOSTS_BY_ENVIRONMENT[environment].includes(normalized) || allowed.includes(normalized)) {
    return null
  }
  return (
    `api_base_url must be one of Shopee's ${environment} hosts (${SHOPEE_HOSTS_BY_ENVIRONMENT[environment].join(", ")}); ` +
    `a simulator or proxy must first be allowed in the server's configuration (${ALLOWED_API_BASE_URLS_ENV} or the plugin option allowed_api_base_urls)`
  )
}
