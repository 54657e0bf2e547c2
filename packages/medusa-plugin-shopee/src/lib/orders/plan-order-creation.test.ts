import { planOrderCreation, type FoundOrder } from "./plan-order-creation"

const order = (id: string, fields: Partial<FoundOrder> = {}): FoundOrder => ({
  id,
  placed: true,
  claim: null,
  linked: false,
  oversold: null,
  ...fields,
})

describe("planOrderCreation", () => {
  it("creates when nothing was found", () => {
    expect(planOrderCreation({ claim: null, cancelledOnShopee: false, found: [] })).toEqual({ step: "create", discard: [] })
  })

  it("adopts a placed order an earlier attempt left unlinked, and links it", () => {
    const left = order("order_1", { claim: "claim_1" })
    expect(planOrderCreation({ claim: "claim_1", cancelledOnShopee: false, found: [left] })).toEqual({
      step: "adopt",
      order: left,
      link: true,
      discard: [],
    })
  })

  it("adopts a linked order without linking it again", () => {
    const linked = order("order_1", { linked: true })
    expect(planOrderCreation({ claim: "claim_1", cancelledOnShopee: false, found: [linked] })).toEqual({
      step: "adopt",
      order: linked,
      link: false,
      discard: [],
    })
  })

  it("discards a draft an attempt never placed, and creates", () => {
    expect(
      planOrderCreation({ claim: "claim_1", cancelledOnShopee: false, found: [order("draft_1", { placed: false, claim: "claim_1" })] })
    ).toEqual({
      step: "create",
      discard: ["draft_1"],
    })
  })

  it("adopts a placed order even when Shopee has cancelled it since (the update cancels it in Medusa)", () => {
    const placed = order("order_1")
    expect(planOrderCreation({ claim: null, cancelledOnShopee: true, found: [placed] })).toMatchObject({ step: "adopt", order: placed })
  })

  it("skips an order cancelled before anything was placed, discarding its drafts", () => {
    expect(planOrderCreation({ claim: "claim_1", cancelledOnShopee: true, found: [order("draft_1", { placed: false })] })).toEqual({
      step: "skip",
      discard: ["draft_1"],
    })
  })

  it("of several placed orders adopts the one the row's claim names, and deletes none", () => {
    const first = order("order_1", { claim: "claim_1" })
    const second = order("order_2", { claim: "claim_2" })
    expect(planOrderCreation({ claim: "claim_2", cancelledOnShopee: false, found: [first, second] })).toEqual({
      step: "adopt",
      order: second,
      link: true,
      discard: [],
    })
    expect(planOrderCreation({ claim: "claim_3", cancelledOnShopee: false, found: [first, second] })).toMatchObject({
      step: "adopt",
      order: first,
    })
  })
})
