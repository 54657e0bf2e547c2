import { matchListings, type MatchableRow } from "./match-listings"

const row = (id: string, sku: string | null, extra: Partial<MatchableRow> = {}): MatchableRow => ({
  id,
  item_id: `item-${id}`,
  model_id: "0",
  sku,
  variant_id: null,
  match_state: "unmatched",
  match_source: null,
  match_reason: "Not matched yet",
  ...extra,
})

describe("matchListings", () => {
  it("matches a listing to the one variant with its exact SKU", () => {
    expect(
      matchListings(
        [row("a", "TEE-S")],
        [
          { id: "v1", sku: "TEE-S" },
          { id: "v2", sku: "tee-s" },
        ]
      )
    ).toEqual([{ id: "a", variant_id: "v1", match_state: "matched", match_source: "sku", match_reason: null }])
  })

  it("leaves a listing without a variant of its SKU, or without a SKU, unmatched with the reason", () => {
    expect(matchListings([row("a", "NOPE"), row("b", null)], [{ id: "v1", sku: "OTHER" }])).toEqual([
      { id: "a", variant_id: null, match_state: "unmatched", match_source: null, match_reason: 'No Medusa variant has SKU "NOPE"' },
      { id: "b", variant_id: null, match_state: "unmatched", match_source: null, match_reason: "The Shopee listing has no SKU" },
    ])
  })

  it("never guesses between two variants with one SKU", () => {
    const [decision] = matchListings(
      [row("a", "DUP")],
      [
        { id: "v1", sku: "DUP" },
        { id: "v2", sku: "DUP" },
      ]
    )
    expect(decision).toMatchObject({ variant_id: null, match_state: "conflict", match_reason: '2 Medusa variants have SKU "DUP"' })
  })

  it("never guesses between two listings with one SKU, and takes a variant back from a listing that became a duplicate", () => {
    const decisions = matchListings(
      [row("a", "DUP", { variant_id: "v1", match_state: "matched", match_source: "sku", match_reason: null }), row("b", "DUP")],
      [{ id: "v1", sku: "DUP" }]
    )
    expect(decisions).toEqual([
      { id: "a", variant_id: null, match_state: "conflict", match_source: null, match_reason: '2 Shopee listings have SKU "DUP"' },
      { id: "b", variant_id: null, match_state: "conflict", match_source: null, match_reason: '2 Shopee listings have SKU "DUP"' },
    ])
  })

  it("does not use names: a listing whose SKU matches nothing stays unmatched whatever it is called", () => {
    expect(matchListings([row("a", "X")], [{ id: "v1", sku: null }])[0]).toMatchObject({ match_state: "unmatched" })
  })

  it("keeps a person's mapping and unmapping over a re-match, even against the SKU", () => {
    const manual = row("a", "TEE-S", { variant_id: "v9", match_state: "matched", match_source: "manual", match_reason: "Mapped by hand" })
    const unmapped = row("b", "TEE-M", { match_source: "manual", match_reason: "Unmapped by hand" })
    expect(
      matchListings(
        [manual, unmapped],
        [
          { id: "v1", sku: "TEE-S" },
          { id: "v9", sku: "OTHER" },
          { id: "v2", sku: "TEE-M" },
        ]
      )
    ).toEqual([])
  })

  it("does not give a variant mapped by hand to a second listing that has its SKU", () => {
    const manual = row("a", "OLD", { variant_id: "v1", match_state: "matched", match_source: "manual", match_reason: "Mapped by hand" })
    const [decision] = matchListings([manual, row("b", "TEE-S")], [{ id: "v1", sku: "TEE-S" }])
    expect(decision).toMatchObject({
      id: "b",
      variant_id: null,
      match_state: "conflict",
      match_reason: expect.stringContaining("mapped by hand to item item-a"),
    })
  })

  it("matches again by SKU a listing whose hand-mapped variant was deleted", () => {
    const manual = row("a", "TEE-S", { variant_id: "gone", match_state: "matched", match_source: "manual", match_reason: "Mapped by hand" })
    expect(matchListings([manual], [{ id: "v1", sku: "TEE-S" }])).toEqual([
      { id: "a", variant_id: "v1", match_state: "matched", match_source: "sku", match_reason: null },
    ])
  })

  it("returns only the rows whose decision changed", () => {
    const done = row("a", "TEE-S", { variant_id: "v1", match_state: "matched", match_source: "sku", match_reason: null })
    expect(matchListings([done], [{ id: "v1", sku: "TEE-S" }])).toEqual([])
  })
})
