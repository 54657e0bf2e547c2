import { isShopeeEnvironment, type ShopeeEnvironment } from "./environments"
import { ALLOWED_API_BASE_URLS_ENV, normalizeBaseUrl, parseAllowedBaseUrls } from "./profiles/api-base-url"
import { enabledJobsOf, JOBS_ENV, type JobsSwitch } from "./scheduled-jobs"

/** Options of the plugin entry in medusa-config.ts; they reach every module of the plugin. */
export type ShopeePluginOptions = {
  /**
   * The public base URL Shopee reaches this store at (OAuth redirect, push URL). Default:
   * SHOPEE_PUBLIC_URL, else MEDUSA_BACKEND_URL, else http://localhost:$PORT.
   */
  public_url?: string
  /** Pins this instance to one environment (a separate live instance with its own database). */
  pinned_environment?: ShopeeEnvironment
  /**
   * The base URL of the instance that serves the other environment, for the admin's link to it
   * (`npm start -- --instances` sets it). Default: SHOPEE_OTHER_INSTANCE_URL; none, no link.
   */
  other_instance_url?: string
  /** Default: SHOPEE_ENCRYPTION_KEY. */
  encryption_key?: string
  /** Default: SHOPEE_ENCRYPTION_KEY_PREVIOUS. */
  previous_encryption_keys?: string
  /** The sales channel imported orders belong to, by name. Default "Shopee". */
  order_sales_channel?: string
  /** The shipping option set on imported orders so they can be fulfilled, by id or name. Default "Shopee Logistics". */
  order_shipping_option?: string
  /** The overview counts an inventory item as low on stock at or below this available quantity. Default 1. */
  low_stock_threshold?: number
  /**
   * Base URLs a profile's `api_base_url` may name besides Shopee's own hosts: a simulator, a
   * proxy. Each must be https, or http on a loopback address. Added to the comma-separated
   * SHOPEE_ALLOWED_API_BASE_URLS. Server configuration only: the admin form cannot widen it.
   */
  allowed_api_base_urls?: string[] | string
  /** Bytes of a rejected push's body that are stored (a bounded prefix). Default 2048. */
  rejected_push_body_bytes?: number
  /** Rejected pushes stored per minute from one sender (Medusa's `req.ip`); the rest are only counted. Default 20. */
  rejected_push_limit_per_source?: number
  /** Rejected pushes stored per minute and environment from all senders together. Default 60. */
  rejected_push_limit_total?: number
  /** Days after which rejected and duplicate pushes, and the counts of refused ones, are deleted. Default 30. */
  push_record_retention_days?: number
  /**
   * Which scheduled jobs run on this instance: true/"on" (all), false/"off" (none) or a list of
   * job names (scheduled-jobs.ts). Default: SHOPEE_JOBS, else all. Medusa itself runs jobs only
   * where `workerMode` is "shared" or "worker".
   */
  jobs?: JobsSwitch
}

/** The bounds on what rejected pushes may store (see pushes/push-recorder.ts). */
export type PushIntakeBounds = {
  body_bytes: number
  limit_per_source: number
  limit_total: number
  retention_days: number
}

const PUSH_INTAKE_DEFAULTS = {
  rejected_push_body_bytes: 2048,
  rejected_push_limit_per_source: 20,
  rejected_push_limit_total: 60,
  push_record_retention_days: 30,
} as const

export function pushIntakeBounds(options: ShopeePluginOptions): PushIntakeBounds {
  const value = (name: keyof typeof PUSH_INTAKE_DEFAULTS) => options[name] ?? PUSH_INTAKE_DEFAULTS[name]
  return {
    body_bytes: value("rejected_push_body_bytes"),
    limit_per_source: value("rejected_push_limit_per_source"),
    limit_total: value("rejected_push_limit_total"),
    retention_days: value("push_record_retention_days"),
  }
}

export function validatePushIntakeBounds(options: ShopeePluginOptions): void {
  for (const name of Object.keys(PUSH_INTAKE_DEFAULTS) as (keyof typeof PUSH_INTAKE_DEFAULTS)[]) {
    const value = options[name]
    if (value !== undefined && (!Number.isInteger(value) || value < 1)) {
      throw new Error(`medusa-plugin-shopee: ${name} must be a whole number of at least 1 (got ${String(value)})`)
    }
  }
}

export function orderImportSettings(options: ShopeePluginOptions) {
  return {
    sales_channel: options.order_sales_channel || "Shopee",
    shipping_option: options.order_shipping_option || "Shopee Logistics",
  }
}

export function validatePluginOptions(options: ShopeePluginOptions): void {
  if (options.pinned_environment !== undefined && !isShopeeEnvironment(options.pinned_environment)) {
    throw new Error(`medusa-plugin-shopee: pinned_environment must be "sandbox" or "live" (got "${String(options.pinned_environment)}")`)
  }
  validateLowStockThreshold(options)
  validatePushIntakeBounds(options)
  otherInstanceUrlOf(options)
  enabledJobsFor(options)
  const invalid = [
    ...parseAllowedBaseUrls(options.allowed_api_base_urls).invalid,
    ...parseAllowedBaseUrls(process.env[ALLOWED_API_BASE_URLS_ENV]).invalid,
  ]
  if (invalid.length > 0) {
    throw new Error(
      `medusa-plugin-shopee: allowed_api_base_urls / ${ALLOWED_API_BASE_URLS_ENV} must list http(s) URLs, https unless on a loopback address (refused: ${invalid.join(", ")})`
    )
  }
}

/**
 * The extra base URLs this server allows, read on every call (like the public URL) so that a
 * changed environment is seen without a rebuild; invalid entries are dropped (the boot refused them).
 */
export function allowedApiBaseUrlsOf(options: ShopeePluginOptions, env: NodeJS.ProcessEnv = process.env): string[] {
  return [...parseAllowedBaseUrls(options.allowed_api_base_urls).urls, ...parseAllowedBaseUrls(env[ALLOWED_API_BASE_URLS_ENV]).urls]
}

/** The scheduled jobs this instance runs, read on every tick so a changed SHOPEE_JOBS needs no rebuild. */
export function enabledJobsFor(options: ShopeePluginOptions, env: NodeJS.ProcessEnv = process.env) {
  return enabledJobsOf(options.jobs ?? env[JOBS_ENV])
}

export function validateLowStockThreshold(options: ShopeePluginOptions): void {
  const value = options.low_stock_threshold
  if (value !== undefined && (!Number.isInteger(value) || value < 0)) {
    throw new Error(`medusa-plugin-shopee: low_stock_threshold must be a whole number of at least 0 (got ${String(value)})`)
  }
}

export function publicUrlOf(options: ShopeePluginOptions, env: NodeJS.ProcessEnv = process.env): string {
  return options.public_url || env.SHOPEE_PUBLIC_URL || env.MEDUSA_BACKEND_URL || `http://localhost:${env.PORT || 9000}`
}

/** The other instance's base URL without a trailing slash, or null; anything but an http(s) URL is refused at boot. */
export function otherInstanceUrlOf(options: ShopeePluginOptions, env: NodeJS.ProcessEnv = process.env): string | null {
  const value = options.other_instance_url || env.SHOPEE_OTHER_INSTANCE_URL
  if (!value) return null
  const normalized = normalizeBaseUrl(value)
  if (normalized === null) {
    throw new Error(
      `medusa-plugin-shopee: other_instance_url / SHOPEE_OTHER_INSTANCE_URL must be an http(s) URL without credentials, query or fragment (got "${value}")`
    )
  }
  return normalized
}
