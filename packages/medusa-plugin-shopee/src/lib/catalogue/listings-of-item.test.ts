import type { ItemBaseInfo } from "@shopee-medusa/shopee-client"
import { listingSku, listingsOfItem, modelName } from "./listings-of-item"

const item = (extra: Partial<ItemBaseInfo>): ItemBaseInfo => ({
  item_id: 7,
  category_id: 1,
  item_name: "Tee",
  item_sku: "TEE",
  item_status: "NORMAL",
  create_time: 1,
  update_time: 99,
  has_model: false,
  ...extra,
})

describe("listingSku", () => {
  it("takes the model's SKU, else the item's, and reads a blank as none", () => {
    expect(listingSku("TEE-S", "TEE")).toBe("TEE-S")
    expect(listingSku("", "TEE")).toBe("TEE")
    expect(listingSku("  ", " ")).toBeNull()
  })
})

describe("listingsOfItem", () => {
  it("reads an item without models as one listing with model id 0 and the item's stock", () => {
    const [only] = listingsOfItem(
      item({ stock_info_v2: { summary_info: { total_available_stock: 4, total_reserved_stock: 1 }, seller_stock: [{ stock: 4 }] } }),
      null
    )
    expect(only).toMatchObject({ item_id: "7", model_id: "0", sku: "TEE", shopee_stock: 4, reserved_stock: 1, shopee_update_time: 99 })
  })

  it("reads one listing per model, named by its tier options, falling back to the item SKU", () => {
    const listings = listingsOfItem(item({ has_model: true }), {
      tier_variation: [
        { name: "Colour", option_list: [{ option: "Red" }, { option: "Blue" }] },
        { name: "Size", option_list: [{ option: "S" }] },
      ],
      model: [
        { model_id: 70, model_sku: "TEE-RED-S", tier_index: [0, 0], stock_info_v2: { seller_stock: [{ stock: 2 }, { stock: 3 }] } },
        { model_id: 71, model_sku: "", tier_index: [1, 0] },
      ],
    })
    expect(listings.map((l) => [l.model_id, l.sku, l.model_name, l.shopee_stock])).toEqual([
      ["70", "TEE-RED-S", "Red / S", 5],
      ["71", "TEE", "Blue / S", null],
    ])
  })

  it("names no model when Shopee sends no tiers", () => {
    expect(modelName([], [0])).toBeNull()
  })
})
