import { isShopeeEnvironment, type ShopeeEnvironment } from "./environments"

/** Options of the plugin entry in medusa-config.ts; they reach every module of the plugin. */
export type ShopeePluginOptions = {
  /**
   * The public base URL Shopee reaches this store at (OAuth redirect, push URL). Default:
   * SHOPEE_PUBLIC_URL, else MEDUSA_BACKEND_URL, else http://localhost:$PORT.
   */
  public_url?: string
  /** Pins this instance to one environment (a separate live instance with its own database). */
  pinned_environment?: ShopeeEnvironment
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
}

export function orderImportSettings(options: ShopeePluginOptions) {
  return {
    sales_channel: options.order_sales_channel || "Shopee",
    shipping_option: options.order_shipping_option || "Shopee Logistics",
  }
}

export function validatePluginOptions(options: ShopeePluginOptions): void {
  if (options.pinned_environment !== undefined && !isShopeeEnvironment(options.pinned_environment)) {
    throw new Error(
      `medusa-plugin-shopee: pinned_environment must be "sandbox" or "live" (got "${String(options.pinned_environment)}")`
    )
  }
  validateLowStockThreshold(options)
}

export function validateLowStockThreshold(options: ShopeePluginOptions): void {
  const value = options.low_stock_threshold
  if (value !== undefined && (!Number.isInteger(value) || value < 0)) {
    throw new Error(`medusa-plugin-shopee: low_stock_threshold must be a whole number of at least 0 (got ${String(value)})`)
  }
}

export function publicUrlOf(options: ShopeePluginOptions, env: NodeJS.ProcessEnv = process.env): string {
  return (
    options.public_url ||
    env.SHOPEE_PUBLIC_URL ||
    env.MEDUSA_BACKEND_URL ||
    `http://localhost:${env.PORT || 9000}`
  )
}
