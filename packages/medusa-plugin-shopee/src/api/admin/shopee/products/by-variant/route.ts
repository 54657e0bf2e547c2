import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { shopeeModule } from "../../shopee-module"
import { PRODUCT_MAP_FIELDS } from "../product-map-page"
import type { ByVariantQueryType } from "../validators"

/** The Shopee listings of some variants in each environment's active profile: the product page's widget. */
export async function GET(req: MedusaRequest, res: MedusaResponse): Promise<void> {
  const { variant_id } = req.validatedQuery as ByVariantQueryType
  const shopee = shopeeModule(req)
  const active = (await shopee.listShopeeProfiles({ is_active: true }, { select: ["id"] })) as { id: string }[]
  const listings = active.length
    ? await shopee.listShopeeProductMaps(
        { variant_id, profile_id: active.map((profile) => profile.id) },
        { select: PRODUCT_MAP_FIELDS, order: { environment: "ASC", item_id: "ASC" } }
      )
    : []
  res.json({ listings })
}
