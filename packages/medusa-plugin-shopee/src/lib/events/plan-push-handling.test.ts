import { planPushHandling, pushOutcomeOfOrderSync, storedPushOf, type StoredPush } from "./plan-push-handling"

const push: StoredPush = {
  id: "shevt_1",
  environment: "sandbox",
  code: 3,
  shop_id: "2001",
  order_sn: "ORDER1",
  status: "pending",
  tracking_number: null,
  stock_body: null,
}

describe("planPushHandling", () => {
  it("syncs the order an order push names, with a code 4 push's tracking number", () => {
    expect(planPushHandling(push)).toEqual({ act: "sync_order", order_sn: "ORDER1", tracking_number: null })
    expect(planPushHandling({ ...push, code: 4, tracking_number: "SPX1" })).toEqual({
      act: "sync_order",
      order_sn: "ORDER1",
      tracking_number: "SPX1",
    })
  })

  it("reads the label of the order a shipping document push names; without an order it is ignored", () => {
    expect(planPushHandling({ ...push, code: 15 })).toEqual({ act: "label", order_sn: "ORDER1" })
    expect(planPushHandling({ ...push, code: 15, order_sn: null })).toEqual({ act: "ignore", reason: "The push names no order" })
  })

  it("acts only on a pending or failed push", () => {
    expect(planPushHandling(null)).toEqual({ act: "skip", reason: "No such event" })
    expect(planPushHandling({ ...push, status: "processed" })).toEqual({ act: "skip", reason: "Already processed" })
    expect(planPushHandling({ ...push, status: "failed" })).toMatchObject({ act: "sync_order" })
  })

  it("ignores an order push without an order, and asks a person to reconnect on a deauthorization", () => {
    expect(planPushHandling({ ...push, order_sn: null })).toEqual({ act: "ignore", reason: "The push names no order" })
    expect(planPushHandling({ ...push, code: 2 })).toMatchObject({ act: "reconnect", kind: "shop_deauthorized" })
    expect(planPushHandling({ ...push, code: 1 })).toMatchObject({ act: "ignore" })
  })

  it("hands a stock or item push's body to the stock writer", () => {
    const body = JSON.stringify({ code: 8, data: { item_id: 5 } })
    expect(planPushHandling({ ...push, code: 8, order_sn: null, stock_body: body })).toEqual({ act: "stock", body })
    expect(planPushHandling({ ...push, code: 16, order_sn: null })).toEqual({ act: "ignore", reason: "The push has no body" })
  })
})

describe("storedPushOf", () => {
  const row = { ...push, raw_body: JSON.stringify({ code: 4, data: { ordersn: "ORDER1", tracking_no: "SPX1" } }) }

  it("reads the tracking number of a code 4 push only", () => {
    expect(storedPushOf({ ...row, code: 4 }).tracking_number).toEqual("SPX1")
    expect(storedPushOf({ ...row, code: 3 }).tracking_number).toBeNull()
    expect(storedPushOf({ ...row, code: 4, raw_body: "not json" }).tracking_number).toBeNull()
  })

  it("keeps the body of a stock or item push only", () => {
    expect(storedPushOf({ ...row, code: 7 }).stock_body).toEqual(row.raw_body)
    expect(storedPushOf({ ...row, code: 3 }).stock_body).toBeNull()
  })
})

describe("pushOutcomeOfOrderSync", () => {
  it("records the order's outcome on the push, and fails the push when the order failed", () => {
    expect(pushOutcomeOfOrderSync("shevt_1", "ORDER1", { outcome: "stale", reason: "Order ORDER1: stale" })).toEqual({
      event_id: "shevt_1",
      status: "processed",
      reason: "Order ORDER1: stale",
    })
    expect(pushOutcomeOfOrderSync("shevt_1", "ORDER1", { outcome: "failed", reason: "error_server" })).toEqual({
      event_id: "shevt_1",
      status: "failed",
      reason: "Order ORDER1 could not be synced: error_server",
      error: "error_server",
    })
  })
})
