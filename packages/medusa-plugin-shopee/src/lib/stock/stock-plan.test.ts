import { type PlanModelInput, planStock, planStockModel } from "./stock-plan"

const model = (overrides: Partial<PlanModelInput> = {}): PlanModelInput => ({
  item_id: 100,
  model_id: 11,
  variant_id: "variant_11",
  shopee_now: 5,
  target: { action: "target", target: 3, available: 3, floored_by: null },
  state: "sellable",
  last_failure: null,
  ...overrides,
})
const target = (value: number) => ({ action: "target" as const, target: value, available: value, floored_by: null })

describe("planStockModel", () => {
  it("writes a decrease in both writing modes and names both figures", () => {
    for (const mode of ["decrease_only", "mirror"] as const) {
      expect(planStockModel(model(), mode)).toEqual({
        item_id: 100,
        model_id: 11,
        variant_id: "variant_11",
        shopee_now: 5,
        target: 3,
        action: "write",
        reason: "5 to 3",
      })
    }
  })

  it("never raises Shopee in decrease only, even when Medusa was restocked", () => {
    const row = planStockModel(model({ shopee_now: 2, target: target(7) }), "decrease_only")
    expect(row).toMatchObject({ action: "none", shopee_now: 2, target: 7 })
    expect(row.reason).toContain("decrease only")
  })

  it("raises Shopee after a restock in mirror", () => {
    expect(planStockModel(model({ shopee_now: 2, target: target(7) }), "mirror")).toMatchObject({
      action: "write",
      reason: "restocked: 2 to 7",
    })
  })

  it("plans in off but holds every change, as the dry-run view", () => {
    expect(planStockModel(model(), "off")).toMatchObject({ action: "hold", target: 3, reason: "writer off: would set 5 to 3" })
    expect(planStockModel(model({ shopee_now: 2, target: target(7) }), "off")).toMatchObject({ action: "hold" })
    expect(planStockModel(model({ shopee_now: 3 }), "off")).toMatchObject({ action: "none", reason: "in sync" })
  })

  it("does nothing for a model already in sync", () => {
    expect(planStockModel(model({ shopee_now: 3 }), "mirror")).toMatchObject({ action: "none", reason: "in sync" })
  })

  it("skips with the target's own reason a variant that does not manage inventory", () => {
    const row = planStockModel(model({ target: { action: "skip", reason: "variant does not manage inventory" } }), "mirror")
    expect(row).toMatchObject({ action: "skip", target: null, reason: "variant does not manage inventory" })
  })

  it("skips a banned model and a model Shopee did not return", () => {
    expect(planStockModel(model({ state: "banned" }), "mirror")).toMatchObject({ action: "skip", reason: "banned on Shopee" })
    expect(planStockModel(model({ shopee_now: null }), "mirror")).toMatchObject({ action: "skip", shopee_now: null })
  })

  it("holds a change to a model locked by a promotion", () => {
    expect(planStockModel(model({ state: "promotion_locked" }), "mirror")).toMatchObject({
      action: "hold",
      reason: expect.stringContaining("locked by promotion"),
    })
  })

  it("holds the same value after a failure retrying cannot fix, but writes a new value", () => {
    const last_failure = { stock: 3, reason: "shop in holiday mode", retry_can_help: false }
    expect(planStockModel(model({ last_failure }), "mirror")).toMatchObject({
      action: "hold",
      reason: "last write of 3 failed (shop in holiday mode): held until a person clears it",
    })
    expect(planStockModel(model({ last_failure, target: target(2) }), "mirror")).toMatchObject({ action: "write" })
  })

  it("writes again after a failure that a retry can fix", () => {
    const last_failure = { stock: 3, reason: "timeout", retry_can_help: true }
    expect(planStockModel(model({ last_failure }), "mirror")).toMatchObject({ action: "write" })
  })
})

describe("planStock", () => {
  it("plans every model in order under one mode", () => {
    const rows = planStock(
      [model(), model({ model_id: 12, shopee_now: 3 }), model({ model_id: 13, shopee_now: 1, target: target(4) })],
      "decrease_only"
    )
    expect(rows.map((row) => [row.model_id, row.action])).toEqual([
      [11, "write"],
      [12, "none"],
      [13, "none"],
    ])
  })

  it("writes a model already showing Medusa's figure when a Shopee sale is still on its way, and says so", () => {
    const pendingTarget = { action: "target" as const, target: 0, available: 1, floored_by: null, pending_shopee_sales: 1 }
    expect(planStockModel(model({ shopee_now: 1, target: pendingTarget }), "decrease_only")).toMatchObject({
      action: "write",
      target: 0,
      reason: "1 to 0; 1 sold on Shopee not yet imported",
    })
  })
})
