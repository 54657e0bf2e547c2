import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { ShopeeEnvironment } from "../../modules/shopee/environments"
import { resolveShopee } from "../shopee-module"
import type { PlannedLine } from "./plan-order-sync"

export type MatchedLine = PlannedLine & { variant_id: string }

/**
 * Finds the Medusa variant of each Shopee order line: the product map of the profile first
 * (an explicit link made by a person or a catalogue sync), then the SKU (`model_sku`, else
 * `item_sku`). Lines that match nothing are returned apart; no product is ever invented.
 */
export async function matchOrderLines(
  container: MedusaContainer,
  input: { environment: ShopeeEnvironment; profile_id: string | null; lines: PlannedLine[] }
): Promise<{ matched: MatchedLine[]; unmatched: PlannedLine[] }> {
  const shopee = resolveShopee(container)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const mapped = new Map<string, string>()
  if (input.profile_id && input.lines.length > 0) {
    const rows = await shopee.listShopeeProductMaps({
      profile_id: input.profile_id,
      item_id: input.lines.map((line) => String(line.item_id)),
    })
    for (const row of rows) if (row.variant_id) mapped.set(`${row.item_id}:${row.model_id}`, row.variant_id)
  }
  const skus = [...new Set(input.lines.map((line) => line.sku).filter((sku): sku is string => !!sku))]
  const bySku = new Map<string, string>()
  if (skus.length > 0) {
    const { data: variants } = await query.graph({ entity: "product_variant", fields: ["id", "sku"], filters: { sku: skus } })
    for (const variant of variants) if (variant.sku) bySku.set(variant.sku, variant.id)
  }
  const matched: MatchedLine[] = []
  const unmatched: PlannedLine[] = []
  for (const line of input.lines) {
    const variantId = mapped.get(`${line.item_id}:${line.model_id}`) ?? (line.sku ? bySku.get(line.sku) : undefined)
    if (variantId) matched.push({ ...line, variant_id: variantId })
    else unmatched.push(line)
  }
  return { matched, unmatched }
}
