import { groupStockWrites } from "./update-stock-calls"

describe("groupStockWrites", () => {
  it("puts one item per call, items and models in the order given", () => {
    const calls = groupStockWrites([
      { item_id: 2, model_id: 21, stock: 1 },
      { item_id: 1, model_id: 11, stock: 0 },
      { item_id: 2, model_id: 22, stock: 4 },
    ])
    expect(calls).toEqual([
      {
        item_id: 2,
        stock_list: [
          { model_id: 21, stock: 1 },
          { model_id: 22, stock: 4 },
        ],
      },
      { item_id: 1, stock_list: [{ model_id: 11, stock: 0 }] },
    ])
  })

  it("splits an item of more than 50 models into calls of at most 50", () => {
    const writes = Array.from({ length: 101 }, (_, index) => ({ item_id: 7, model_id: index + 1, stock: 1 }))
    const calls = groupStockWrites(writes)
    expect(calls.map((call) => call.stock_list.length)).toEqual([50, 50, 1])
    expect(calls.every((call) => call.item_id === 7)).toBe(true)
    expect(calls[2].stock_list[0].model_id).toEqual(101)
  })

  it("keeps exactly 50 models in one call", () => {
    const writes = Array.from({ length: 50 }, (_, index) => ({ item_id: 7, model_id: index, stock: 1 }))
    expect(groupStockWrites(writes)).toHaveLength(1)
  })

  it("refuses two values for one model", () => {
    expect(() =>
      groupStockWrites([
        { item_id: 1, model_id: 0, stock: 1 },
        { item_id: 1, model_id: 0, stock: 2 },
      ])
    ).toThrow("model 0 of item 1 is written twice in one run")
  })

  it("plans no call for no write", () => {
    expect(groupStockWrites([])).toEqual([])
  })
})
