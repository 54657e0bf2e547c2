import { MAX_ORDER_LIST_WINDOW_SECONDS, splitTimeRange } from "./time-windows.js"

const DAY = 86_400

describe("splitTimeRange", () => {
  it("covers 40 days with windows of 15, 15 and 10 days that share their boundaries", () => {
    expect(splitTimeRange(0, 40 * DAY)).toEqual([
      { time_from: 0, time_to: 15 * DAY },
      { time_from: 15 * DAY, time_to: 30 * DAY },
      { time_from: 30 * DAY, time_to: 40 * DAY },
    ])
  })

  it("keeps a range of exactly 15 days, or an empty one, in one window", () => {
    expect(splitTimeRange(100, 100 + MAX_ORDER_LIST_WINDOW_SECONDS)).toHaveLength(1)
    expect(splitTimeRange(100, 100)).toEqual([{ time_from: 100, time_to: 100 }])
  })

  it("refuses a reversed range and non-integer seconds", () => {
    expect(() => splitTimeRange(10, 5)).toThrow(RangeError)
    expect(() => splitTimeRange(1.5, 5)).toThrow(RangeError)
  })
})
