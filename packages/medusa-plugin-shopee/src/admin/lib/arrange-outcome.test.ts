import { arrangeOutcome } from "./arrange-outcome"

const arranged = (calls: number) => ({
  answer: { shipment: { outcome: "arranged" as const, order_sn: "SN1", mode: "pickup", ship_order_calls: calls, tracking_number: null } },
})

describe("arrangeOutcome", () => {
  it("arranged when ship_order was called, already arranged when it was not", () => {
    expect(arrangeOutcome(arranged(1))).toEqual({ kind: "arranged", reason: null })
    expect(arrangeOutcome(arranged(0))).toEqual({ kind: "already_arranged", reason: null })
  })

  it("a deferral is Retry later with Shopee's reason", () => {
    expect(arrangeOutcome({ answer: { shipment: { outcome: "deferred", order_sn: "SN1", reason: "Shopee: being allocated" } } })).toEqual({
      kind: "retry_later",
      reason: "Shopee: being allocated",
    })
  })

  it("409 is a refusal with the server's reason; any other error a failure with its message", () => {
    expect(arrangeOutcome({ error: { status: 409, message: "Shopee order SN1 was cancelled: it is never shipped." } })).toEqual({
      kind: "refused",
      reason: "Shopee order SN1 was cancelled: it is never shipped.",
    })
    expect(arrangeOutcome({ error: { status: 400, message: "branch_id is needed" } })).toEqual({
      kind: "failed",
      reason: "branch_id is needed",
    })
    expect(arrangeOutcome({ error: new Error("") })).toEqual({ kind: "failed", reason: null })
  })
})
