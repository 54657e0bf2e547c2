import { planAutoArrangement, planCancelWindow, shipDefaultChoice } from "./plan-auto-arrangement"

const pickup = { ship_default_mode: "pickup" as const, ship_default_address_id: 1002, ship_auto_delay_minutes: 60 }
const row = { order_sn: "251206AB", shipment_state: null }

describe("planAutoArrangement", () => {
  it("arranges with the profile's default as the fallback choice", () => {
    expect(planAutoArrangement(row, pickup)).toEqual({ act: "arrange", fallback: { mode: "pickup", address_id: 1002 } })
    expect(planAutoArrangement({ ...row, shipment_state: "deferred" }, pickup)).toMatchObject({ act: "arrange" })
    expect(planAutoArrangement({ ...row, shipment_state: "refused" }, pickup)).toMatchObject({ act: "arrange" })
  })

  it("leaves the order to a person when its profile has no default mode, or no profile is found", () => {
    expect(planAutoArrangement(row, { ...pickup, ship_default_mode: null })).toMatchObject({ act: "skip" })
    expect(planAutoArrangement(row, null)).toEqual({
      act: "skip",
      reason: "Shopee order 251206AB: its profile has no shipping default; it is arranged by hand",
    })
  })

  it("never starts an arrangement again once it is arranged", () => {
    expect(planAutoArrangement({ ...row, shipment_state: "arranged" }, pickup)).toEqual({
      act: "skip",
      reason: "Shopee order 251206AB is arranged already",
    })
  })
})

describe("shipDefaultChoice", () => {
  it("carries the pickup address only for pickup, and nothing without a default", () => {
    expect(shipDefaultChoice({ ...pickup, ship_default_address_id: null })).toEqual({ mode: "pickup" })
    expect(shipDefaultChoice({ ...pickup, ship_default_mode: "dropoff" })).toEqual({ mode: "dropoff" })
    expect(shipDefaultChoice({ ...pickup, ship_default_mode: null })).toEqual({})
    expect(shipDefaultChoice(null)).toEqual({})
  })
})

describe("planCancelWindow", () => {
  const created = 1_800_000_000
  const order = { order_sn: "251206AB", create_time: created }

  it("waits until the delay after the order's creation has passed, saying when", () => {
    const plan = planCancelWindow(order, 60, created * 1000 + 59 * 60_000)
    expect(plan).toMatchObject({ act: "wait", due_at: new Date(created * 1000 + 60 * 60_000) })
    expect((plan as { reason: string }).reason).toContain("60 minutes after it was placed")
  })

  it("arranges from the due time on, and at once with no delay", () => {
    expect(planCancelWindow(order, 60, created * 1000 + 60 * 60_000)).toEqual({ act: "arrange" })
    expect(planCancelWindow(order, 0, created * 1000)).toEqual({ act: "arrange" })
    // Shopee's clock ahead of ours: with no delay there is nothing to wait for.
    expect(planCancelWindow(order, 0, created * 1000 - 4 * 60_000)).toEqual({ act: "arrange" })
  })
})
