import { mapByHand, unmapByHand } from "./map-by-hand"
import type { MatchableRow } from "./match-listings"

const row = (id: string, extra: Partial<MatchableRow> = {}): MatchableRow => ({
  id,
  item_id: `item-${id}`,
  model_id: "0",
  sku: "TEE",
  variant_id: null,
  match_state: "unmatched",
  match_source: null,
  match_reason: null,
  ...extra,
})

describe("mapByHand", () => {
  it("maps the listing and marks the decision as a person's", () => {
    expect(mapByHand(row("a"), "v1", undefined)).toEqual({
      decisions: [{ id: "a", variant_id: "v1", match_state: "matched", match_source: "manual", match_reason: "Mapped by hand" }],
    })
  })

  it("takes the variant from a listing the SKU matcher gave it to", () => {
    const outcome = mapByHand(row("a"), "v1", row("b", { variant_id: "v1", match_state: "matched", match_source: "sku" }))
    expect("decisions" in outcome && outcome.decisions.map((d) => [d.id, d.variant_id, d.match_state])).toEqual([
      ["b", null, "conflict"],
      ["a", "v1", "matched"],
    ])
  })

  it("refuses a variant a person gave to another listing", () => {
    expect(mapByHand(row("a"), "v1", row("b", { variant_id: "v1", match_source: "manual" }))).toEqual({
      refusal: "Variant v1 is already mapped by hand to Shopee item item-b model 0; unmap it there first",
    })
  })
})

describe("unmapByHand", () => {
  it("records a person's decision that the listing has no variant", () => {
    expect(unmapByHand(row("a", { variant_id: "v1" }))).toEqual({
      id: "a",
      variant_id: null,
      match_state: "unmatched",
      match_source: "manual",
      match_reason: "Unmapped by hand",
    })
  })
})
