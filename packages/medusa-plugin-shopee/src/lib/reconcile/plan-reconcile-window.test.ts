import { FIRST_RUN_LOOKBACK_SECONDS, lostPushBody, planReconcileWindow } from "./plan-reconcile-window"

describe("planReconcileWindow", () => {
  const now = 1_800_000_000

  it("looks back 15 days on a first run and starts five minutes before the watermark afterwards", () => {
    expect(planReconcileWindow({ watermark: null, now })).toEqual({
      time_from: now - FIRST_RUN_LOOKBACK_SECONDS,
      time_to: now,
      backfill: false,
    })
    expect(planReconcileWindow({ watermark: now - 600, now })).toEqual({ time_from: now - 900, time_to: now, backfill: false })
  })

  it("reads a backfill's own range, whatever the watermark", () => {
    expect(planReconcileWindow({ watermark: now - 600, now, from: 1000, to: 2000 })).toEqual({
      time_from: 1000,
      time_to: 2000,
      backfill: true,
    })
  })
})

describe("lostPushBody", () => {
  it("rebuilds the push from a lost message whose data is a string, keeping only the data of a whole push", () => {
    const whole = JSON.stringify({ code: 3, data: { ordersn: "A1" } })
    expect(JSON.parse(lostPushBody({ code: 3, shop_id: 7, timestamp: 5, data: whole }))).toEqual({
      data: { ordersn: "A1" },
      shop_id: 7,
      code: 3,
      timestamp: 5,
    })
    expect(JSON.parse(lostPushBody({ code: 3, timestamp: 5, data: { ordersn: "A1" } }))).toEqual({
      data: { ordersn: "A1" },
      code: 3,
      timestamp: 5,
    })
  })
})
