import { isPaidStatus } from "./order-status-map"

describe("isPaidStatus", () => {
  it("is true from READY_TO_SHIP on, false for UNPAID and cancellations", () => {
    expect(isPaidStatus("UNPAID")).toBe(false)
    expect(isPaidStatus("READY_TO_SHIP")).toBe(true)
    expect(isPaidStatus("COMPLETED")).toBe(true)
    expect(isPaidStatus("CANCELLED")).toBe(false)
  })
})
