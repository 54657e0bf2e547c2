import {
  ageBucket,
  daySlots,
  exceptionsByKindAndAge,
  fillOrdersPerDay,
  fillPushHours,
  fillStockHours,
  hourSlots,
  successRate,
  windowStart,
} from "./chart-series"

const NOW = new Date("2026-11-30T14:37:12Z")

describe("slots", () => {
  it("hours end with the current one, oldest first, on the hour (UTC)", () => {
    expect(hourSlots(NOW, 3)).toEqual(["2026-11-30T12:00:00.000Z", "2026-11-30T13:00:00.000Z", "2026-11-30T14:00:00.000Z"])
    expect(hourSlots(NOW, 24)).toHaveLength(24)
    expect(windowStart(hourSlots(NOW, 24))).toEqual(new Date("2026-11-29T15:00:00Z"))
  })

  it("days end with today, across a month boundary", () => {
    expect(daySlots(new Date("2026-12-01T00:10:00Z"), 3)).toEqual(["2026-11-29", "2026-11-30", "2026-12-01"])
    expect(daySlots(NOW, 14)).toHaveLength(14)
  })
})

describe("orders per day", () => {
  it("fills days and environments without orders with 0, ignores rows outside the window", () => {
    const slots = daySlots(NOW, 3)
    const filled = fillOrdersPerDay(
      slots,
      [
        { day: "2026-11-28", environment: "sandbox", count: "4" },
        { day: "2026-11-30", environment: "sandbox", count: "2" },
        { day: "2026-11-30", environment: "live", count: 1 },
        { day: "2026-11-01", environment: "live", count: 9 },
      ],
      ["sandbox", "live"]
    )
    expect(filled).toEqual([
      { day: "2026-11-28", total: 4, by_environment: { sandbox: 4, live: 0 } },
      { day: "2026-11-29", total: 0, by_environment: { sandbox: 0, live: 0 } },
      { day: "2026-11-30", total: 3, by_environment: { sandbox: 2, live: 1 } },
    ])
  })

  it("one environment in scope: the other's rows are not counted", () => {
    const filled = fillOrdersPerDay(daySlots(NOW, 1), [{ day: "2026-11-30", environment: "live", count: 5 }], ["sandbox"])
    expect(filled).toEqual([{ day: "2026-11-30", total: 0, by_environment: { sandbox: 0 } }])
  })
})

describe("push acknowledgement", () => {
  it("counts refused pushes as received and rejected, failed processing apart, and the rate per hour", () => {
    const slots = hourSlots(NOW, 3)
    const hours = fillPushHours(
      slots,
      [
        { hour: slots[0], status: "processed", count: "6" },
        { hour: slots[0], status: "failed", count: "1" },
        { hour: slots[0], status: "rejected", count: "1" },
        { hour: slots[2], status: "rejected", count: 2 },
        { hour: "2026-11-01T00:00:00.000Z", status: "processed", count: 50 },
      ],
      [
        { hour: slots[0], refused: "2" },
        { hour: slots[2], refused: 6 },
      ]
    )
    expect(hours).toEqual([
      { hour: slots[0], received: 10, accepted: 7, rejected: 3, failed: 1, success_rate: 0.7 },
      { hour: slots[1], received: 0, accepted: 0, rejected: 0, failed: 0, success_rate: null },
      { hour: slots[2], received: 8, accepted: 0, rejected: 8, failed: 0, success_rate: 0 },
    ])
  })

  it("has no rate without pushes", () => {
    expect(successRate(0, 0)).toBeNull()
    expect(successRate(3, 4)).toBe(0.75)
  })
})

describe("open exceptions by kind and age", () => {
  it("puts each age in its bucket at the boundaries", () => {
    expect([0, 1, 23, 24, 167, 168, 5000].map(ageBucket)).toEqual([
      "under_1h",
      "under_1d",
      "under_1d",
      "under_1w",
      "under_1w",
      "older",
      "older",
    ])
  })

  it("totals per kind, most first, every bucket present", () => {
    expect(
      exceptionsByKindAndAge([
        { kind: "unknown_sku", age_hours: "0", count: "2" },
        { kind: "unknown_sku", age_hours: 30, count: 1 },
        { kind: "order_import_failed", age_hours: 168, count: 1 },
        { kind: "push_rejected", age_hours: 2, count: 1 },
        { kind: "unknown_sku", age_hours: 3, count: 1 },
      ])
    ).toEqual([
      { kind: "unknown_sku", total: 4, by_age: { under_1h: 2, under_1d: 1, under_1w: 1, older: 0 } },
      { kind: "order_import_failed", total: 1, by_age: { under_1h: 0, under_1d: 0, under_1w: 0, older: 1 } },
      { kind: "push_rejected", total: 1, by_age: { under_1h: 0, under_1d: 1, under_1w: 0, older: 0 } },
    ])
  })

  it("none open: an empty list", () => {
    expect(exceptionsByKindAndAge([])).toEqual([])
  })
})

describe("stock writes per hour", () => {
  it("fills hours without runs with 0 and adds up runs of one hour", () => {
    const slots = hourSlots(NOW, 2)
    expect(
      fillStockHours(slots, [
        { hour: slots[1], written: "5", failed: "1" },
        { hour: slots[1], written: 2, failed: 0 },
      ])
    ).toEqual([
      { hour: slots[0], written: 0, failed: 0 },
      { hour: slots[1], written: 7, failed: 1 },
    ])
  })
})
