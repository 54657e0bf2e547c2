import { isPaidStatus, planOrderActions } from "./order-status-map"

const fresh = { paid: false, shipped: false, completed: false, cancelled: false }

describe("planOrderActions", () => {
  it("marks an order paid once Shopee has the buyer's money", () => {
    expect(planOrderActions(fresh, "UNPAID")).toEqual([])
    expect(planOrderActions(fresh, "READY_TO_SHIP")).toEqual(["mark_paid"])
    expect(planOrderActions({ ...fresh, paid: true }, "PROCESSED")).toEqual([])
  })

  it("catches up every step an order skipped", () => {
    expect(planOrderActions(fresh, "SHIPPED")).toEqual(["mark_paid", "ship"])
    expect(planOrderActions(fresh, "COMPLETED")).toEqual(["mark_paid", "ship", "complete"])
    expect(planOrderActions({ ...fresh, paid: true, shipped: true }, "COMPLETED")).toEqual(["complete"])
  })

  it("never goes backwards, and does nothing after the end", () => {
    expect(planOrderActions({ ...fresh, paid: true, shipped: true }, "READY_TO_SHIP")).toEqual([])
    expect(planOrderActions({ ...fresh, completed: true, paid: true, shipped: true }, "CANCELLED")).toEqual([])
    expect(planOrderActions({ ...fresh, cancelled: true }, "READY_TO_SHIP")).toEqual([])
  })

  it("cancels on CANCELLED and waits on IN_CANCEL and TO_RETURN", () => {
    expect(planOrderActions({ ...fresh, paid: true }, "CANCELLED")).toEqual(["cancel"])
    expect(planOrderActions({ ...fresh, paid: true }, "IN_CANCEL")).toEqual([])
    expect(planOrderActions({ ...fresh, paid: true, shipped: true }, "TO_RETURN")).toEqual([])
  })
})

describe("isPaidStatus", () => {
  it("is true from READY_TO_SHIP on, false for UNPAID and cancellations", () => {
    expect(isPaidStatus("UNPAID")).toBe(false)
    expect(isPaidStatus("READY_TO_SHIP")).toBe(true)
    expect(isPaidStatus("COMPLETED")).toBe(true)
    expect(isPaidStatus("CANCELLED")).toBe(false)
  })
})
