import { dispatchPush, statusOnArrival } from "./push-dispatch"

describe("dispatchPush", () => {
  it("sends order status and tracking pushes to the order flow", () => {
    expect(dispatchPush(3, "1").action).toEqual("order")
    expect(dispatchPush(4, "1").action).toEqual("order")
  })

  it("sends a shipping document push to the order's label", () => {
    expect(dispatchPush(15, "1").action).toEqual("label")
  })

  it("sends promotion, reserved stock and item violation pushes to the stock writer", () => {
    for (const code of [7, 8, 9, 16]) expect(dispatchPush(code, "1").action).toEqual("stock")
  })

  it("asks a person to reconnect when the authorization is cancelled or expiring", () => {
    expect(dispatchPush(2, "727720655")).toEqual({
      action: "reconnect",
      kind: "shop_deauthorized",
      reason: "Shopee reports that the authorization of shop 727720655 was cancelled. Reconnect the shop from the Shopee page.",
    })
    expect(dispatchPush(12, null)).toMatchObject({ action: "reconnect", kind: "authorization_expiring" })
  })

  it("ignores other codes and says which", () => {
    expect(dispatchPush(10, "1")).toEqual({ action: "ignore", reason: "webchat is not handled by the connector" })
    expect(dispatchPush(99, "1")).toEqual({ action: "ignore", reason: "code 99 is not handled by the connector" })
  })
})

describe("statusOnArrival", () => {
  it("settles a push the connector ignores as it is stored, with the reason", () => {
    expect(statusOnArrival(dispatchPush(10, "1"))).toEqual({
      status: "ignored",
      processed: true,
      status_reason: "webchat is not handled by the connector",
      attempts: 1,
    })
  })

  it("leaves every push the connector acts on pending for its processing", () => {
    for (const code of [2, 3, 4, 7, 12, 15]) {
      expect(statusOnArrival(dispatchPush(code, "1"))).toEqual({ status: "pending", processed: false, status_reason: null, attempts: 0 })
    }
  })
})
