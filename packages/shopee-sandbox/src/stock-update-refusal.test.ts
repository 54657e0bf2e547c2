import type { Item, Shop } from "./model.js"
import { STOCK_REFUSALS, callRefusal, modelRefusal } from "./stock-update-refusal.js"

const shop: Shop = { shop_id: 1, shop_name: "s", region: "SG", currency: "SGD", location_ids: ["SGZ"], merchant_id: null }
const item: Item = {
  item_id: 10,
  shop_id: 1,
  item_name: "Tee",
  item_sku: "TEE",
  item_status: "NORMAL",
  has_model: true,
  models: [
    {
      model_id: 7,
      model_name: "S",
      model_sku: "TEE-S",
      current_price: 1,
      original_price: 1,
      seller_stock: [{ location_id: "SGZ", stock: 5 }],
      reserved_stock: 3,
    },
  ],
  category_id: 1,
  weight: 1,
  create_time: 0,
  update_time: 0,
}
const context = { item, shop, lockedByPromotion: false }

describe("update_stock refusals", () => {
  test("a total equal to the reserve is allowed; one below it is refused", () => {
    expect(modelRefusal({ model_id: 7, seller_stock: [{ stock: 3 }] }, context)).toBeNull()
    expect(modelRefusal({ model_id: 7, seller_stock: [{ stock: 2 }] }, context)).toBe(STOCK_REFUSALS.belowReserved)
  })

  test("a promotion lock wins over a valid quantity", () => {
    expect(modelRefusal({ model_id: 7, seller_stock: [{ stock: 9 }] }, { ...context, lockedByPromotion: true })).toBe(
      STOCK_REFUSALS.underPromotion
    )
  })

  test("unknown models and model 0 of an item with models", () => {
    expect(modelRefusal({ model_id: 8, seller_stock: [{ stock: 1 }] }, context)).toBe(STOCK_REFUSALS.wrongModel)
    expect(modelRefusal({ model_id: 0, seller_stock: [{ stock: 1 }] }, context)).toBe(STOCK_REFUSALS.itemHasModels)
  })

  test("locations: required with several warehouses, and must exist", () => {
    const twoWarehouses = { ...context, shop: { ...shop, location_ids: ["SGZ", "SGW"] } }
    expect(modelRefusal({ model_id: 7, seller_stock: [{ stock: 4 }] }, twoWarehouses)).toBe(STOCK_REFUSALS.locationRequired)
    expect(modelRefusal({ model_id: 7, seller_stock: [{ location_id: "XX", stock: 4 }] }, context)).toBe(STOCK_REFUSALS.unknownLocation)
  })

  test("holiday mode, penalty and deleted items refuse the whole call", () => {
    expect(callRefusal(shop, item)).toBeNull()
    expect(callRefusal({ ...shop, holiday_mode: true }, item)?.error).toBe("error_holiday_mode_change_stock")
    expect(callRefusal({ ...shop, under_penalty: true }, item)?.error).toBe("error_seller_under_penalty")
    expect(callRefusal(shop, { ...item, item_status: "SELLER_DELETE" })?.error).toBe("error_item_uneditable")
  })
})
