import { isPaidStatus, stageOf } from "./order-status-map"

describe("isPaidStatus", () => {
  it("is true from READY_TO_SHIP on, false for UNPAID and cancellations", () => {
    expect(isPaidStatus("UNPAID")).toBe(false)
    expect(isPaidStatus("READY_TO_SHIP")).toBe(true)
    expect(isPaidStatus("COMPLETED")).toBe(true)
    expect(isPaidStatus("CANCELLED")).toBe(false)
  })
})

describe("stageOf", () => {
  it("takes INVOICE_PENDING (Brazil: paid, invoice not yet issued) as paid, like READY_TO_SHIP", () => {
    expect(stageOf("INVOICE_PENDING")).toBe("paid")
    expect(isPaidStatus("INVOICE_PENDING")).toBe(true)
  })

  it("takes a status the vocabulary does not know (nor an Object property name) as unchanged", () => {
    expect(stageOf("SOMETHING_NEW")).toBe("unchanged")
    expect(stageOf("constructor")).toBe("unchanged")
  })
})
