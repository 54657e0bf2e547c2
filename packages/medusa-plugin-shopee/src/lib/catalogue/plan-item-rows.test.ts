import type { Listing } from "./listings-of-item"
import { planItemRows, rowsOfItemsNotSeen } from "./plan-item-rows"

const listing = (item_id: string, model_id: string): Listing => ({
  item_id,
  model_id,
  sku: `SKU-${model_id}`,
  item_sku: null,
  model_sku: `SKU-${model_id}`,
  item_name: "Tee",
  model_name: null,
  item_status: "NORMAL",
  model_status: "MODEL_NORMAL",
  shopee_stock: 1,
  reserved_stock: 0,
  shopee_update_time: 100,
})

describe("planItemRows", () => {
  it("refreshes the rows of models read again and creates rows for new ones", () => {
    const plan = planItemRows([{ id: "r1", item_id: "1", model_id: "11" }], [listing("1", "11"), listing("1", "12")])
    expect(plan.update.map((u) => u.id)).toEqual(["r1"])
    expect(plan.create.map((l) => l.model_id)).toEqual(["12"])
    expect(plan.retire).toEqual([])
  })

  it("retires every row of a restructured item whose model ids Shopee replaced", () => {
    const plan = planItemRows(
      [
        { id: "r1", item_id: "1", model_id: "11" },
        { id: "r2", item_id: "1", model_id: "12" },
      ],
      [listing("1", "21"), listing("1", "22")]
    )
    expect(plan.retire).toEqual(["r1", "r2"])
    expect(plan.create.map((l) => l.model_id)).toEqual(["21", "22"])
    expect(plan.update).toEqual([])
  })

  it("retires the item-level row when an item gains variations", () => {
    const plan = planItemRows([{ id: "r0", item_id: "1", model_id: "0" }], [listing("1", "31")])
    expect(plan.retire).toEqual(["r0"])
  })
})

describe("rowsOfItemsNotSeen", () => {
  it("names the rows of items a full import no longer found", () => {
    const rows = [
      { id: "a", item_id: "1", model_id: "0" },
      { id: "b", item_id: "2", model_id: "0" },
    ]
    expect(rowsOfItemsNotSeen(rows, new Set(["1"]))).toEqual(["b"])
  })
})
