import { planExceptionRetry } from "./plan-exception-retry"

const exception = { id: "shexc_1", kind: "unknown_sku", status: "open", environment: "sandbox" as const, payload_ref: "ORDER1" }

describe("planExceptionRetry", () => {
  it("syncs the order again for an order's exception, replays the push for a failed push, refreshes tokens otherwise", () => {
    expect(planExceptionRetry("shexc_1", exception)).toEqual({ run: "sync_order", environment: "sandbox", ref: "ORDER1" })
    expect(planExceptionRetry("shexc_1", { ...exception, kind: "order_import_failed" })).toMatchObject({ run: "sync_order" })
    expect(planExceptionRetry("shexc_1", { ...exception, kind: "push_processing_failed", payload_ref: "shevt_1" })).toEqual({
      run: "replay_push",
      environment: "sandbox",
      ref: "shevt_1",
    })
    expect(planExceptionRetry("shexc_1", { ...exception, kind: "token_refresh_failed", payload_ref: "shop:1" })).toMatchObject({
      run: "refresh_tokens",
    })
  })

  it("arranges the shipment again for a deferred arrangement", () => {
    expect(planExceptionRetry("shexc_1", { ...exception, kind: "shipment_deferred" })).toEqual({
      run: "arrange_shipment",
      environment: "sandbox",
      ref: "ORDER1",
    })
  })

  it("asks for a failed label again", () => {
    expect(planExceptionRetry("shexc_1", { ...exception, kind: "label_failed" })).toEqual({
      run: "request_label",
      environment: "sandbox",
      ref: "ORDER1",
    })
  })

  it("refuses what is missing, settled, or needs a person", () => {
    expect(planExceptionRetry("shexc_9", undefined)).toEqual({ refuse: "not_found", message: "Exception shexc_9 was not found" })
    expect(planExceptionRetry("shexc_1", { ...exception, status: "resolved" })).toEqual({
      refuse: "not_allowed",
      message: "Exception shexc_1 is already resolved",
    })
    expect(planExceptionRetry("shexc_1", { ...exception, kind: "shop_deauthorized" })).toEqual({
      refuse: "not_allowed",
      message: "An exception of kind shop_deauthorized cannot be retried; resolve it once the cause is dealt with.",
    })
    expect(planExceptionRetry("shexc_1", { ...exception, payload_ref: null })).toMatchObject({ refuse: "not_allowed" })
  })
})
