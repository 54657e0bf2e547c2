import { canTransition, cancelTarget, isTerminal, nextStatus } from "./order-state-machine.js"

describe("order state machine", () => {
  test("the happy path runs UNPAID to COMPLETED", () => {
    const path = ["UNPAID"]
    let status = nextStatus("UNPAID", "SG")
    while (status) {
      path.push(status)
      status = nextStatus(status, "SG")
    }
    expect(path).toEqual(["UNPAID", "READY_TO_SHIP", "PROCESSED", "SHIPPED", "TO_CONFIRM_RECEIVE", "COMPLETED"])
  })

  test("in Brazil a paid order waits in INVOICE_PENDING for the seller's invoice, then goes on to READY_TO_SHIP", () => {
    expect(nextStatus("UNPAID", "BR")).toBe("INVOICE_PENDING")
    expect(nextStatus("INVOICE_PENDING", "BR")).toBe("READY_TO_SHIP")
    expect(nextStatus("UNPAID", "SG")).toBe("READY_TO_SHIP")
    expect(canTransition("UNPAID", "INVOICE_PENDING", null)).toBe(true)
    expect(canTransition("INVOICE_PENDING", "READY_TO_SHIP", null)).toBe(true)
    expect(canTransition("INVOICE_PENDING", "CANCELLED", null)).toBe(true)
    expect(canTransition("INVOICE_PENDING", "PROCESSED", null)).toBe(false)
  })

  test.each([
    ["UNPAID", "READY_TO_SHIP"],
    ["UNPAID", "CANCELLED"],
    ["READY_TO_SHIP", "CANCELLED"],
    ["READY_TO_SHIP", "IN_CANCEL"],
    ["PROCESSED", "IN_CANCEL"],
    ["IN_CANCEL", "CANCELLED"],
    ["TO_CONFIRM_RECEIVE", "TO_RETURN"],
  ] as const)("allows %s -> %s", (from, to) => {
    expect(canTransition(from, to, null)).toBe(true)
  })

  test.each([
    ["UNPAID", "SHIPPED"],
    ["READY_TO_SHIP", "COMPLETED"],
    ["SHIPPED", "CANCELLED"],
    ["COMPLETED", "CANCELLED"],
    ["CANCELLED", "READY_TO_SHIP"],
    ["PROCESSED", "READY_TO_SHIP"],
    // An unpaid order has nothing to ask back: it is cancelled outright, never IN_CANCEL.
    ["UNPAID", "IN_CANCEL"],
  ] as const)("refuses %s -> %s", (from, to) => {
    expect(canTransition(from, to, null)).toBe(false)
  })

  test("a rejected cancellation returns only to the status it came from", () => {
    expect(canTransition("IN_CANCEL", "READY_TO_SHIP", "READY_TO_SHIP")).toBe(true)
    expect(canTransition("IN_CANCEL", "PROCESSED", "READY_TO_SHIP")).toBe(false)
  })

  test("cancel goes straight to CANCELLED before shipping, through IN_CANCEL after, nowhere once shipped", () => {
    expect(cancelTarget("UNPAID", false)).toBe("CANCELLED")
    expect(cancelTarget("READY_TO_SHIP", false)).toBe("CANCELLED")
    expect(cancelTarget("READY_TO_SHIP", true)).toBe("IN_CANCEL")
    expect(cancelTarget("PROCESSED", false)).toBe("IN_CANCEL")
    expect(cancelTarget("IN_CANCEL", false)).toBe("CANCELLED")
    expect(cancelTarget("SHIPPED", false)).toBeUndefined()
  })

  test("COMPLETED and CANCELLED are terminal", () => {
    expect(isTerminal("COMPLETED")).toBe(true)
    expect(isTerminal("CANCELLED")).toBe(true)
    expect(isTerminal("SHIPPED")).toBe(false)
  })
})
