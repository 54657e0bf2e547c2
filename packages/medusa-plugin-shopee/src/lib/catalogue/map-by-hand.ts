import type { MatchableRow, MatchDecision } from "./match-listings"

export const MAPPED_BY_HAND = "Mapped by hand"
export const UNMAPPED_BY_HAND = "Unmapped by hand"

/**
 * A person maps a listing to a variant. A variant sells one listing per profile: when the SKU
 * matcher had given it to another listing, that listing lets go of it (and says why); when a
 * person had given it to another listing, the person must unmap that one first.
 */
export function mapByHand(
  target: MatchableRow,
  variantId: string,
  holder: MatchableRow | undefined
): { decisions: MatchDecision[] } | { refusal: string } {
  const decisions: MatchDecision[] = []
  if (holder && holder.id !== target.id) {
    if (holder.match_source === "manual") {
      return {
        refusal: `Variant ${variantId} is already mapped by hand to Shopee item ${holder.item_id} model ${holder.model_id}; unmap it there first`,
      }
    }
    decisions.push({
      id: holder.id,
      variant_id: null,
      match_state: "conflict",
      match_source: null,
      match_reason: `The variant with SKU "${holder.sku ?? ""}" is mapped by hand to item ${target.item_id} model ${target.model_id}`,
    })
  }
  decisions.push({ id: target.id, variant_id: variantId, match_state: "matched", match_source: "manual", match_reason: MAPPED_BY_HAND })
  return { decisions }
}

/** A person says a listing has no variant; re-imports keep that until someone maps it. */
export function unmapByHand(target: MatchableRow): MatchDecision {
  return { id: target.id, variant_id: null, match_state: "unmatched", match_source: "manual", match_reason: UNMAPPED_BY_HAND }
}
