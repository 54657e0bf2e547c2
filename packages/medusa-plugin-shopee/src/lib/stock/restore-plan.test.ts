import { planRestore, type RestoreSourceRow } from "./restore-plan"

const row = (fields: Partial<RestoreSourceRow>): RestoreSourceRow => ({
  item_id: "1",
  model_id: "0",
  variant_id: "v1",
  shopee_before: 3,
  result: "written",
  ...fields,
})

describe("planRestore", () => {
  it("writes back the prior value of each model the run wrote", () => {
    expect(planRestore([row({})], () => ({ seller_stock: 0, promotion_reserved: 0 }))).toEqual([
      { item_id: 1, model_id: 0, variant_id: "v1", shopee_now: 0, target: 3, action: "write", reason: "restore 0 to 3" },
    ])
  })

  it("leaves out models the run did not change, and does nothing where Shopee already shows the prior value", () => {
    const rows = [row({ result: "failed" }), row({ result: "not_sent", model_id: "2" }), row({ model_id: "3" })]
    expect(planRestore(rows, () => ({ seller_stock: 3, promotion_reserved: 0 }))).toEqual([
      expect.objectContaining({ model_id: 3, action: "none", reason: "already at the prior value 3" }),
    ])
  })

  it("skips a model Shopee no longer lists and raises a prior value under the promotion reserve to it", () => {
    const plan = planRestore([row({ model_id: "5" }), row({ model_id: "6", shopee_before: 1 })], (source) =>
      source.model_id === "5" ? undefined : { seller_stock: 0, promotion_reserved: 2 }
    )
    expect(plan.map((entry) => [entry.model_id, entry.action, entry.target, entry.reason])).toEqual([
      [5, "skip", 3, "not found on Shopee: nothing to restore"],
      [6, "write", 2, "restore 0 to 2 (raised from 1 to the promotion reserve)"],
    ])
  })
})
