import type { ItemBaseInfo } from "@shopee-medusa/shopee-client"
import { modelStocksOfItem, sellerStockOf } from "./shopee-model-stock"

const item = (fields: Partial<ItemBaseInfo>): ItemBaseInfo =>
  ({
    item_id: 10,
    category_id: 1,
    item_name: "Card",
    item_sku: "C",
    item_status: "NORMAL",
    create_time: 0,
    update_time: 0,
    has_model: false,
    ...fields,
  }) as ItemBaseInfo

describe("sellerStockOf", () => {
  it("sums the seller stock over warehouses and keeps the promotion reserve apart", () => {
    expect(
      sellerStockOf({
        summary_info: { total_reserved_stock: 2, total_available_stock: 99 },
        seller_stock: [
          { location_id: "A", stock: 3 },
          { location_id: "B", stock: 4 },
        ],
        shopee_stock: [{ location_id: "S", stock: 50 }],
      })
    ).toEqual({ seller_stock: 7, promotion_reserved: 2 })
  })

  it("falls back to the available total when Shopee lists no seller stock, and reads nothing from no stock info", () => {
    expect(sellerStockOf({ summary_info: { total_reserved_stock: 0, total_available_stock: 5 } })).toEqual({
      seller_stock: 5,
      promotion_reserved: 0,
    })
    expect(sellerStockOf(undefined)).toBeNull()
    expect(sellerStockOf({})).toBeNull()
  })
})

describe("modelStocksOfItem", () => {
  it("reads an item without models as model 0", () => {
    const read = modelStocksOfItem(item({ stock_info_v2: { seller_stock: [{ stock: 1 }] } }), null)
    expect(read).toEqual([
      { item_id: "10", model_id: "0", seller_stock: 1, promotion_reserved: 0, item_status: "NORMAL", has_promotion: null },
    ])
  })

  it("reads each model of an item with models and leaves out a model without stock info", () => {
    const read = modelStocksOfItem(item({ has_model: true, item_status: "BANNED" }), [
      {
        model_id: 7,
        model_sku: "A",
        tier_index: [0],
        has_promotion: true,
        stock_info_v2: { seller_stock: [{ stock: 2 }], summary_info: { total_reserved_stock: 1, total_available_stock: 2 } },
      },
      { model_id: 8, model_sku: "B", tier_index: [1] },
    ])
    expect(read).toEqual([
      { item_id: "10", model_id: "7", seller_stock: 2, promotion_reserved: 1, item_status: "BANNED", has_promotion: true },
    ])
  })
})
