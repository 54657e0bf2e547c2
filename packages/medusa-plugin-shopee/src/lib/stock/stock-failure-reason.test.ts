import { classifyCallError, classifyFailedReason } from "./stock-failure-reason"

describe("classifyFailedReason", () => {
  it.each([
    ["cannot change stock when the item is under promotion", "locked by promotion", true],
    ["total stock must be more than reserved stock", "less than reserved stock", true],
    ["Can not update item with stock less than reserved stock", "less than reserved stock", true],
    ["cannot change stock in holiday mode", "shop in holiday mode", false],
    ["the shop has several warehouses, location id required", "warehouse location id required or invalid", false],
    ["Invalid stock location ID", "warehouse location id required or invalid", false],
    ["Can't to edit item stock directly while item has models.", "item has models: write its models, not the item", false],
    ["the shop is under penalty", "shop under penalty", false],
  ])("reads %j as item-level %j (retry can help: %s)", (failedReason, reason, retryCanHelp) => {
    expect(classifyFailedReason(failedReason)).toEqual({ level: "item", reason, retry_can_help: retryCanHelp, detail: failedReason })
  })

  it("reads a promotion's reserved stock as a reserve to write above, not a lock to wait out", () => {
    expect(classifyFailedReason("stock is less than promotion reserved stock")).toMatchObject({ reason: "less than reserved stock" })
  })

  it("keeps an unrecognised reason item-level, for a person, with Shopee's words", () => {
    expect(classifyFailedReason("Wrong model_id.")).toEqual({
      level: "item",
      reason: "refused by Shopee",
      retry_can_help: false,
      detail: "Wrong model_id.",
    })
  })
})

describe("classifyCallError", () => {
  it.each([
    ["ShopeeTimeoutError", "timeout", true],
    ["ShopeeServerError", "Shopee server error", true],
    ["ShopeeNetworkError", "network failure", true],
    ["ShopeeRateLimitError", "rate limited", true],
    ["ShopeeAuthError", "authorization rejected", false],
  ])("reads %s as system-level %j", (name, reason, retryCanHelp) => {
    expect(classifyCallError({ name, message: "HTTP 503" })).toEqual({
      level: "system",
      reason,
      retry_can_help: retryCanHelp,
      detail: "HTTP 503",
    })
  })

  it("reads an unknown call error as system-level, naming it", () => {
    expect(classifyCallError({ name: "ShopeeParamError", message: "error_param" })).toMatchObject({
      level: "system",
      reason: "unknown call error (ShopeeParamError)",
    })
  })

  it("reads a call error that carries an item-level reason as item-level", () => {
    expect(classifyCallError({ name: "ShopeeError", message: "item is under promotion, can not edit stock" })).toMatchObject({
      level: "item",
      reason: "locked by promotion",
    })
  })
})
