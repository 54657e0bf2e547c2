import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { mapByHand, unmapByHand } from "../../../../lib/catalogue/map-by-hand"
import type { MatchableRow } from "../../../../lib/catalogue/match-listings"
import type { ShopeeEnvironment } from "../../../../modules/shopee/environments"
import type ShopeeModuleService from "../../../../modules/shopee/service"
import { PRODUCT_MAP_FIELDS, withVariants } from "./product-map-page"

type Row = MatchableRow & { environment: ShopeeEnvironment; profile_id: string }

async function rowOf(shopee: ShopeeModuleService, id: string): Promise<Row> {
  const [row] = (await shopee.listShopeeProductMaps({ id }, { select: PRODUCT_MAP_FIELDS })) as Row[]
  if (!row) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Shopee listing ${id} was not found`)
  return row
}

async function answer(shopee: ShopeeModuleService, container: MedusaContainer, id: string) {
  const row = await rowOf(shopee, id)
  const [product] = await withVariants(container, shopee, await shopee.getActiveProfile(row.environment), [row])
  return { product }
}

/** A person maps a Shopee listing to a variant; the decision outlives re-imports. */
export async function mapListing(shopee: ShopeeModuleService, container: MedusaContainer, id: string, variantId: string) {
  const row = await rowOf(shopee, id)
  const { data } = await container
    .resolve(ContainerRegistrationKeys.QUERY)
    .graph({ entity: "product_variant", fields: ["id"], filters: { id: variantId } })
  if (data.length === 0) throw new MedusaError(MedusaError.Types.INVALID_DATA, `variant_id: no variant ${variantId} exists`)
  const [holder] = (await shopee.listShopeeProductMaps(
    { profile_id: row.profile_id, variant_id: variantId },
    { select: PRODUCT_MAP_FIELDS }
  )) as Row[]
  const outcome = mapByHand(row, variantId, holder)
  if ("refusal" in outcome) throw new MedusaError(MedusaError.Types.CONFLICT, outcome.refusal)
  await shopee.applyCatalogueChanges({ environment: row.environment, profile_id: row.profile_id, rematch: outcome.decisions })
  return answer(shopee, container, id)
}

/** A person says a listing has no variant (re-imports keep that too). */
export async function unmapListing(shopee: ShopeeModuleService, container: MedusaContainer, id: string) {
  const row = await rowOf(shopee, id)
  await shopee.applyCatalogueChanges({ environment: row.environment, profile_id: row.profile_id, rematch: [unmapByHand(row)] })
  return answer(shopee, container, id)
}
