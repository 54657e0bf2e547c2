import { planStockCover, reservationsFor, type VariantStock } from "./plan-stock-cover"

const card: VariantStock = {
  variant_id: "variant_card",
  manage_inventory: true,
  inventory: [{ inventory_item_id: "iitem_card", required_quantity: 1, available: 1 }],
}

describe("planStockCover", () => {
  it("covers an order the stock can fill: nothing is a backorder", () => {
    expect(planStockCover([{ variant_id: "variant_card", quantity: 1, label: "CARD" }], [card])).toEqual({
      stock: [{ variant_id: "variant_card", inventory_item_id: "iitem_card", required_quantity: 1, allow_backorder: false }],
      oversold: null,
    })
  })

  it("marks a short inventory item as a backorder and names what is missing", () => {
    const cover = planStockCover([{ variant_id: "variant_card", quantity: 2, label: "CARD" }], [card])
    expect(cover.stock[0].allow_backorder).toBe(true)
    expect(cover.oversold).toEqual("CARD: 2 sold, 1 available")
  })

  it("adds up what several lines need of one inventory item, times the quantity each unit requires", () => {
    const bundle: VariantStock = {
      variant_id: "variant_pair",
      manage_inventory: true,
      inventory: [{ inventory_item_id: "iitem_card", required_quantity: 2, available: 1 }],
    }
    const cover = planStockCover(
      [
        { variant_id: "variant_card", quantity: 1, label: "CARD" },
        { variant_id: "variant_pair", quantity: 1, label: "PAIR" },
      ],
      [card, bundle]
    )
    expect(cover.oversold).toEqual("CARD, PAIR: 3 sold, 1 available")
    expect(cover.stock.every((line) => line.allow_backorder)).toBe(true)
  })

  it("reserves nothing for a variant whose inventory Medusa does not manage", () => {
    const unmanaged = { ...card, manage_inventory: false }
    expect(planStockCover([{ variant_id: "variant_card", quantity: 5, label: "CARD" }], [unmanaged])).toEqual({ stock: [], oversold: null })
  })
})

describe("reservationsFor", () => {
  it("reserves each order line's inventory items at the location", () => {
    const { stock } = planStockCover([{ variant_id: "variant_card", quantity: 2, label: "CARD" }], [card])
    expect(
      reservationsFor(
        [
          { id: "ordli_1", variant_id: "variant_card", quantity: 2 },
          { id: "ordli_2", variant_id: null, quantity: 1 },
        ],
        stock,
        "sloc_1"
      )
    ).toEqual([
      {
        id: "ordli_1",
        inventory_item_id: "iitem_card",
        required_quantity: 1,
        allow_backorder: true,
        quantity: 2,
        location_ids: ["sloc_1"],
      },
    ])
  })
})
