import type { MatchSource, MatchState } from "../../modules/shopee/models/shopee-product-map"

export type MatchableRow = {
  id: string
  item_id: string
  model_id: string
  sku: string | null
  variant_id: string | null
  match_state: MatchState
  match_source: MatchSource | null
  match_reason: string | null
}

export type VariantSku = { id: string; sku: string | null }

export type MatchDecision = {
  id: string
  variant_id: string | null
  match_state: MatchState
  match_source: MatchSource | null
  match_reason: string | null
}

/**
 * Matches each listing to a Medusa variant by exact SKU. Names are never used. Two listings with
 * one SKU, or two variants with one SKU, is a conflict that waits for a person with its reason:
 * guessing would sell one item as another. A person's decision (a mapping, or an unmapping) is
 * kept, unless the variant it named no longer exists.
 *
 * `variants` holds the variants whose SKU is one of the rows' SKUs and the variants that people
 * mapped rows to; returns only the rows whose decision changed.
 */
export function matchListings(rows: MatchableRow[], variants: VariantSku[]): MatchDecision[] {
  const existingVariants = new Set(variants.map((variant) => variant.id))
  const variantsBySku = groupBy(
    variants.filter((variant) => variant.sku),
    (variant) => variant.sku!
  )
  const rowsBySku = groupBy(
    rows.filter((row) => row.sku),
    (row) => row.sku!
  )
  const heldByHand = new Map<string, MatchableRow>()
  for (const row of rows) {
    if (row.match_source === "manual" && row.variant_id && existingVariants.has(row.variant_id)) heldByHand.set(row.variant_id, row)
  }

  const decide = (row: MatchableRow): Omit<MatchDecision, "id"> => {
    if (row.match_source === "manual") {
      if (!row.variant_id || existingVariants.has(row.variant_id)) {
        return { variant_id: row.variant_id, match_state: row.match_state, match_source: "manual", match_reason: row.match_reason }
      }
      // The person's variant was deleted: match again as if nobody had decided.
    }
    const unmatched = (match_state: MatchState, match_reason: string) => ({
      variant_id: null,
      match_state,
      match_source: null,
      match_reason,
    })
    if (!row.sku) return unmatched("unmatched", "The Shopee listing has no SKU")
    const sameSkuRows = rowsBySku.get(row.sku)!
    if (sameSkuRows.length > 1) return unmatched("conflict", `${sameSkuRows.length} Shopee listings have SKU "${row.sku}"`)
    const candidates = variantsBySku.get(row.sku) ?? []
    if (candidates.length === 0) return unmatched("unmatched", `No Medusa variant has SKU "${row.sku}"`)
    if (candidates.length > 1) return unmatched("conflict", `${candidates.length} Medusa variants have SKU "${row.sku}"`)
    const holder = heldByHand.get(candidates[0].id)
    if (holder && holder.id !== row.id) {
      return unmatched("conflict", `The variant with SKU "${row.sku}" is mapped by hand to item ${holder.item_id} model ${holder.model_id}`)
    }
    return { variant_id: candidates[0].id, match_state: "matched", match_source: "sku", match_reason: null }
  }

  const changed: MatchDecision[] = []
  for (const row of rows) {
    const decision = decide(row)
    if (
      decision.variant_id !== row.variant_id ||
      decision.match_state !== row.match_state ||
      decision.match_source !== row.match_source ||
      decision.match_reason !== row.match_reason
    ) {
      changed.push({ id: row.id, ...decision })
    }
  }
  return changed
}

function groupBy<T>(values: T[], keyOf: (value: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>()
  for (const value of values) {
    const key = keyOf(value)
    const group = groups.get(key)
    if (group) group.push(value)
    else groups.set(key, [value])
  }
  return groups
}
