import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { matchListings, type MatchableRow, type VariantSku } from "../../lib/catalogue/match-listings"
import { resolveShopee } from "../../lib/shopee-module"
import { lockFor } from "../../lib/with-lock"
import { recordCatalogueRun, type CatalogueRun } from "../../modules/shopee/catalogue/catalogue-run"
import type { MatchState } from "../../modules/shopee/models/shopee-product-map"
import { failingIntoRun } from "./catalogue-step-failure"

export type MatchCatalogueResult = { run: CatalogueRun; counts: Record<MatchState, number> }

const MATCHABLE_FIELDS = ["id", "item_id", "model_id", "sku", "variant_id", "match_state", "match_source", "match_reason"]

/**
 * Matches every listing of the profile to a Medusa variant by exact SKU, not only the listings
 * just read: a SKU shared by two listings, or a variant's SKU changed in Medusa, changes the
 * answer for listings that Shopee did not touch.
 */
export const matchShopeeCatalogueStep = createStep(
  "match-shopee-catalogue",
  async (input: { run: CatalogueRun }, { container }): Promise<StepResponse<MatchCatalogueResult>> => {
    const shopee = resolveShopee(container)
    const result = await failingIntoRun(shopee, input.run, () =>
      lockFor(container)(`shopee-catalogue:${input.run.profile_id}`, () => matchCatalogue(container, input.run))
    )
    return new StepResponse(result)
  }
)

async function matchCatalogue(container: MedusaContainer, started: CatalogueRun): Promise<MatchCatalogueResult> {
  const shopee = resolveShopee(container)
  const rows = (await shopee.listShopeeProductMaps({ profile_id: started.profile_id }, { select: MATCHABLE_FIELDS })) as MatchableRow[]
  let run = await recordCatalogueRun(shopee, started, { phase: "matching", done: 0, total: rows.length })
  const decisions = matchListings(rows, await variantsFor(container, rows))
  if (decisions.length) await shopee.applyCatalogueChanges({ environment: run.environment, profile_id: run.profile_id, rematch: decisions })

  const decided = new Map(decisions.map((decision) => [decision.id, decision.match_state]))
  const counts: Record<MatchState, number> = { matched: 0, unmatched: 0, conflict: 0 }
  for (const row of rows) counts[decided.get(row.id) ?? row.match_state] += 1
  run = await recordCatalogueRun(shopee, run, { done: rows.length })
  return { run, counts }
}

/** The variants carrying the listings' SKUs, and the variants people mapped listings to. */
async function variantsFor(container: MedusaContainer, rows: MatchableRow[]): Promise<VariantSku[]> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const skus = [...new Set(rows.map((row) => row.sku).filter((sku): sku is string => !!sku))]
  const mappedByHand = [...new Set(rows.filter((row) => row.match_source === "manual" && row.variant_id).map((row) => row.variant_id!))]
  const found = new Map<string, VariantSku>()
  if (skus.length) {
    const { data } = await query.graph({ entity: "product_variant", fields: ["id", "sku"], filters: { sku: skus } })
    for (const variant of data) found.set(variant.id, { id: variant.id, sku: variant.sku ?? null })
  }
  if (mappedByHand.length) {
    const { data } = await query.graph({ entity: "product_variant", fields: ["id", "sku"], filters: { id: mappedByHand } })
    for (const variant of data) found.set(variant.id, { id: variant.id, sku: variant.sku ?? null })
  }
  return [...found.values()]
}
