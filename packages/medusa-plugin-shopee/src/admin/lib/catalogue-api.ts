import type { CatalogueProgress } from "../../lib/catalogue/catalogue-progress"
import type { ListQuery } from "./api"
import { shopeeKeys } from "./query-keys"
import { sdk } from "./sdk"
import type { ListPage, ShopeeEnvironment } from "./types"

export type ProductVariantRef = {
  id: string
  title: string | null
  sku: string | null
  product_id: string | null
  product_title: string | null
}

/** One Shopee listing (item and model) of the product map, as the products routes answer it. */
export type ShopeeListing = {
  id: string
  environment: ShopeeEnvironment
  item_id: string
  model_id: string
  sku: string | null
  item_name: string | null
  model_name: string | null
  item_status: string | null
  shopee_stock: number | null
  reserved_stock: number | null
  variant_id: string | null
  match_state: "matched" | "unmatched" | "conflict"
  match_source: "sku" | "manual" | null
  match_reason: string | null
  variant?: ProductVariantRef | null
  /** What Medusa can sell over the Shopee channel's locations; null without a variant that manages inventory. */
  medusa_available: number | null
  /** What the stock writer would set on Shopee now (buffer and promotion reserve applied). */
  planned_stock: number | null
}

export type CatalogueRun = CatalogueProgress & {
  id: string
  mode: "full" | "incremental"
  status: "running" | "succeeded" | "failed"
  error: string | null
  summary: Record<"items_read" | "listings_read" | "retired" | "matched" | "unmatched" | "conflict", number> | null
  finished_at: string | null
}

export type ListingsAnswer = ListPage & { products: ShopeeListing[] }
export type UnlistedAnswer = ListPage & { variants: ProductVariantRef[] }

export const catalogueKeys = {
  listings: (query: object) => [...shopeeKeys.all, "products", query] as const,
  unlisted: (query: object) => [...shopeeKeys.all, "products-unlisted", query] as const,
  run: (environment: ShopeeEnvironment) => [...shopeeKeys.all, "catalogue-run", environment] as const,
  byVariant: (variantIds: string[]) => [...shopeeKeys.all, "products-by-variant", variantIds] as const,
  productVariants: (productId: string) => ["shopee", "product-variants", productId] as const,
  variantSearch: (q: string) => ["shopee", "variant-search", q] as const,
}

const defined = (query: Record<string, string | number | undefined>) =>
  Object.fromEntries(Object.entries(query).filter(([, value]) => value !== undefined && value !== "")) as Record<string, string | number>

/** The catalogue's admin routes; every non-2xx answer throws with the API's message. */
export const catalogueApi = {
  listings: (env: ShopeeEnvironment, { status, q, limit, offset }: ListQuery) =>
    sdk.client.fetch<ListingsAnswer>("/admin/shopee/products", { query: defined({ env, match_state: status, q, limit, offset }) }),

  unlisted: (env: ShopeeEnvironment, { q, limit, offset }: ListQuery) =>
    sdk.client.fetch<UnlistedAnswer>("/admin/shopee/products/unlisted", { query: defined({ env, q, limit, offset }) }),

  byVariant: (variantIds: string[]) =>
    sdk.client.fetch<{ listings: ShopeeListing[] }>("/admin/shopee/products/by-variant", { query: { variant_id: variantIds.join(",") } }),

  map: (listingId: string, variantId: string) =>
    sdk.client.fetch<{ product: ShopeeListing }>(`/admin/shopee/products/${listingId}/map`, {
      method: "POST",
      body: { variant_id: variantId },
    }),

  unmap: (listingId: string) =>
    sdk.client.fetch<{ product: ShopeeListing }>(`/admin/shopee/products/${listingId}/unmap`, { method: "POST" }),

  latestRun: (env: ShopeeEnvironment) =>
    sdk.client.fetch<{ run: CatalogueRun | null }>("/admin/shopee/products/import", { query: { env } }),

  startImport: (env: ShopeeEnvironment, mode: "full" | "incremental") =>
    sdk.client.fetch<{ run: CatalogueRun }>("/admin/shopee/products/import", { method: "POST", query: { env }, body: { mode } }),

  /**
   * A product's variants through Medusa's own route: the product page's data has none (Medusa's
   * page reads them in its variants section).
   */
  productVariants: (productId: string) =>
    sdk.client.fetch<{ variants: { id: string; title: string | null; sku: string | null }[] }>(`/admin/products/${productId}/variants`, {
      query: { fields: "id,title,sku", limit: 200 },
    }),

  /** Medusa's own variant search, for the map drawer. */
  searchVariants: (q: string) =>
    sdk.client.fetch<{ variants: { id: string; title: string | null; sku: string | null; product?: { title: string | null } }[] }>(
      "/admin/product-variants",
      { query: defined({ q, limit: 10, fields: "id,title,sku,product.title" }) }
    ),
}
