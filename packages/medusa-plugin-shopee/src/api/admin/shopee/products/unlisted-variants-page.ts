import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type ShopeeModuleService from "../../../../modules/shopee/service"
import type { UnlistedVariantsQueryType } from "./validators"

/**
 * One page of the variants of the Shopee sales channel's products that have no Shopee listing
 * in the environment's active profile. The channel's products come from the product-channel
 * link and the mapped variants from the product map; the product module cuts the page.
 */
export async function unlistedVariantsPage(
  shopee: ShopeeModuleService,
  container: MedusaContainer,
  { env, q, limit, offset }: UnlistedVariantsQueryType
) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const channelName = shopee.orderImportSettings.sales_channel
  const { data: channels } = await query.graph({ entity: "sales_channel", fields: ["id", "name"], filters: { name: channelName } })
  const empty = { environment: env, sales_channel: null, variants: [], count: 0, limit, offset }
  if (channels.length === 0) return empty
  const { data: links } = await query.graph({
    entity: "product_sales_channel",
    fields: ["product_id"],
    filters: { sales_channel_id: channels[0].id },
  })
  const productIds = [...new Set(links.map((link: { product_id: string }) => link.product_id))]
  if (productIds.length === 0) return { ...empty, sales_channel: channels[0] }

  const profile = await shopee.getActiveProfile(env)
  const mapped = (await shopee.listShopeeProductMaps(
    { profile_id: profile.id, variant_id: { $ne: null } },
    { select: ["variant_id"] }
  )) as { variant_id: string }[]
  const filters: Record<string, unknown> = { product_id: productIds }
  if (mapped.length) filters.id = { $nin: mapped.map((row) => row.variant_id) }
  if (q) filters.q = q
  const [variants, count] = await container.resolve(Modules.PRODUCT).listAndCountProductVariants(filters, {
    select: ["id", "title", "sku", "product_id", "product.title"],
    relations: ["product"],
    skip: offset,
    take: limit,
    order: { sku: "ASC", id: "ASC" },
  })
  return {
    environment: env,
    sales_channel: channels[0],
    variants: variants.map((variant) => ({
      id: variant.id,
      title: variant.title,
      sku: variant.sku,
      product_id: variant.product_id,
      product_title: variant.product?.title ?? null,
    })),
    count,
    limit,
    offset,
  }
}
