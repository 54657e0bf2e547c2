import { retryDelayMs } from "./import-failures"

describe("retryDelayMs", () => {
  it("backs off exponentially from a minute", () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([60_000, 240_000, 960_000, 3_840_000])
  })

  it("never waits more than two hours", () => {
    expect(retryDelayMs(10)).toEqual(7_200_000)
  })
})
