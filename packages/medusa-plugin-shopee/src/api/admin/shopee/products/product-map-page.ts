import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type ShopeeModuleService from "../../../../modules/shopee/service"
import { containsPattern, oneOf } from "../list-page"
import { stockFiguresOf } from "./stock-figures"
import type { ListProductMapQueryType } from "./validators"

export const PRODUCT_MAP_FIELDS = [
  "id",
  "environment",
  "profile_id",
  "item_id",
  "model_id",
  "sku",
  "item_sku",
  "model_sku",
  "item_name",
  "model_name",
  "item_status",
  "model_status",
  "shopee_stock",
  "reserved_stock",
  "read_at",
  "variant_id",
  "match_state",
  "match_source",
  "match_reason",
  "last_stock_sent",
  "last_stock_sent_at",
]

type MapRow = { variant_id: string | null } & Record<string, unknown>

type Profile = Parameters<typeof stockFiguresOf>[2]

/**
 * The rows with their Medusa variant (title, SKU, product) and their stock figures: what Medusa
 * can sell and what the stock writer would set on Shopee now.
 */
export async function withVariants(container: MedusaContainer, shopee: ShopeeModuleService, profile: Profile, rows: MapRow[]) {
  const ids = [...new Set(rows.map((row) => row.variant_id).filter((id): id is string => !!id))]
  const variants = new Map<string, Record<string, unknown>>()
  if (ids.length) {
    const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
      entity: "product_variant",
      fields: ["id", "title", "sku", "product.id", "product.title"],
      filters: { id: ids },
    })
    for (const variant of data) {
      variants.set(variant.id, {
        id: variant.id,
        title: variant.title,
        sku: variant.sku,
        product_id: variant.product?.id ?? null,
        product_title: variant.product?.title ?? null,
      })
    }
  }
  const figures = await stockFiguresOf(container, shopee, profile, rows)
  return rows.map((row, index) => ({ ...row, variant: (row.variant_id && variants.get(row.variant_id)) || null, ...figures[index] }))
}

/**
 * One page of the product map of an environment's active profile (sandbox and live shops have
 * different item ids, and a profile that is not active is not the shop being sold on), cut in
 * the database.
 */
export async function productMapPage(
  shopee: ShopeeModuleService,
  container: MedusaContainer,
  { env, match_state, q, limit, offset }: ListProductMapQueryType
) {
  const profile = await shopee.getActiveProfile(env)
  const filters: Record<string, unknown> = { profile_id: profile.id }
  if (match_state) filters.match_state = oneOf(match_state)
  if (q) {
    const pattern = containsPattern(q)
    filters.$or = [
      { sku: { $ilike: pattern } },
      { item_name: { $ilike: pattern } },
      { model_name: { $ilike: pattern } },
      ...(/^\d+$/.test(q) ? [{ item_id: q }] : []),
    ]
  }
  const [rows, count] = await shopee.listAndCountShopeeProductMaps(filters, {
    select: PRODUCT_MAP_FIELDS,
    skip: offset,
    take: limit,
    order: { item_name: "ASC", item_id: "ASC", model_id: "ASC" },
  })
  return {
    environment: env,
    profile_id: profile.id,
    products: await withVariants(container, shopee, profile, rows as MapRow[]),
    count,
    limit,
    offset,
  }
}
