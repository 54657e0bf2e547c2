import { computeStockTarget, type InventoryComponentInput, type StockTargetContext } from "./stock-target"

const context: StockTargetContext = {
  channel_location_ids: ["sloc_shopee", "sloc_overflow"],
  default_location_id: "sloc_default",
  promotion_reserved: 0,
}

function component(id: string, levels: [string, number, number][], required_quantity = 1): InventoryComponentInput {
  return {
    inventory_item_id: id,
    required_quantity,
    levels: levels.map(([location_id, stocked_quantity, reserved_quantity]) => ({ location_id, stocked_quantity, reserved_quantity })),
  }
}

const plain = (levels: [string, number, number][]) => ({
  variant_id: "variant_1",
  manage_inventory: true,
  components: [component("iitem_1", levels)],
})

describe("computeStockTarget", () => {
  it("sums stocked minus reserved over the Shopee channel's locations only", () => {
    const variant = plain([
      ["sloc_shopee", 10, 3],
      ["sloc_overflow", 4, 1],
      ["sloc_retail", 50, 0],
    ])
    expect(computeStockTarget(variant, context)).toEqual({ action: "target", target: 10, available: 10, floored_by: null })
  })

  it("uses the profile's default location when the channel has none", () => {
    const variant = plain([
      ["sloc_default", 6, 2],
      ["sloc_shopee", 40, 0],
    ])
    expect(computeStockTarget(variant, { ...context, channel_location_ids: [] })).toMatchObject({ target: 4 })
  })

  it("skips when neither the channel nor the profile names a location", () => {
    const result = computeStockTarget(plain([["sloc_shopee", 5, 0]]), { ...context, channel_location_ids: [], default_location_id: null })
    expect(result).toEqual({ action: "skip", reason: expect.stringContaining("no stock location") })
  })

  it("never writes a variant that does not manage inventory", () => {
    const variant = { ...plain([["sloc_shopee", 5, 0]]), manage_inventory: false }
    expect(computeStockTarget(variant, context)).toEqual({ action: "skip", reason: expect.stringContaining("does not manage inventory") })
  })

  it("skips a managed variant without any inventory item rather than sending 0", () => {
    const result = computeStockTarget({ variant_id: "v", manage_inventory: true, components: [] }, context)
    expect(result).toEqual({ action: "skip", reason: expect.stringContaining("no inventory item") })
  })

  it("counts a kit as its scarcest part, each part divided by the quantity the kit needs", () => {
    const kit = {
      variant_id: "kit",
      manage_inventory: true,
      components: [
        component("booster", [["sloc_shopee", 37, 1]], 3), // 36 / 3 = 12 kits
        component(
          "sleeve",
          [
            ["sloc_shopee", 9, 0],
            ["sloc_overflow", 1, 0],
          ],
          1
        ), // 10 kits
        component("box", [["sloc_shopee", 23, 0]], 2), // 11.5 -> 11 kits
      ],
    }
    expect(computeStockTarget(kit, context)).toMatchObject({ target: 10, available: 10 })
  })

  it("gives a kit 0 when one part has no level at the channel's locations", () => {
    const kit = {
      variant_id: "kit",
      manage_inventory: true,
      components: [component("booster", [["sloc_shopee", 30, 0]]), component("sleeve", [["sloc_retail", 100, 0]])],
    }
    expect(computeStockTarget(kit, context)).toMatchObject({ target: 0, available: 0, floored_by: null })
  })

  it("skips a kit whose required quantity is not a positive whole number", () => {
    const kit = { variant_id: "kit", manage_inventory: true, components: [component("booster", [["sloc_shopee", 30, 0]], 0)] }
    expect(computeStockTarget(kit, context)).toEqual({ action: "skip", reason: "inventory item booster has required quantity 0" })
  })

  it("subtracts the buffer and never goes below zero when the buffer is larger than what is available", () => {
    expect(computeStockTarget(plain([["sloc_shopee", 8, 0]]), { ...context, buffer: 2 })).toMatchObject({ target: 6, floored_by: null })
    expect(computeStockTarget(plain([["sloc_shopee", 3, 0]]), { ...context, buffer: 5 })).toEqual({
      action: "target",
      target: 0,
      available: 3,
      floored_by: "zero",
    })
  })

  it("lets an over-reserved location lower the total, and an over-reserved total count as 0", () => {
    expect(
      computeStockTarget(
        plain([
          ["sloc_shopee", 5, 0],
          ["sloc_overflow", 1, 3],
        ]),
        context
      )
    ).toMatchObject({ target: 3 })
    expect(computeStockTarget(plain([["sloc_shopee", 1, 4]]), context)).toMatchObject({ target: 0, available: 0 })
  })

  it("never goes below the stock Shopee holds for a promotion, even above what Medusa has", () => {
    const result = computeStockTarget(plain([["sloc_shopee", 2, 0]]), { ...context, buffer: 1, promotion_reserved: 4 })
    expect(result).toEqual({ action: "target", target: 4, available: 2, floored_by: "promotion_reserve" })
  })

  it("ignores a promotion reserve below the target", () => {
    expect(computeStockTarget(plain([["sloc_shopee", 9, 0]]), { ...context, promotion_reserved: 4 })).toMatchObject({
      target: 9,
      floored_by: null,
    })
  })

  it("takes Shopee sales not yet imported off like the buffer, before the floors", () => {
    expect(computeStockTarget(plain([["sloc_shopee", 2, 1]]), { ...context, pending_shopee_sales: 1 })).toEqual({
      action: "target",
      target: 0,
      available: 1,
      floored_by: null,
      pending_shopee_sales: 1,
    })
    expect(
      computeStockTarget(plain([["sloc_shopee", 5, 0]]), { ...context, buffer: 1, pending_shopee_sales: 2, promotion_reserved: 3 })
    ).toMatchObject({
      target: 3,
      floored_by: "promotion_reserve",
    })
  })
})
