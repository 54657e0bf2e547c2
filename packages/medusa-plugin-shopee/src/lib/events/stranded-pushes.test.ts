import { STRANDED_AFTER_MS, strandedBefore } from "./stranded-pushes"

describe("strandedBefore", () => {
  it("leaves a push stored within the last minute to its own processing", () => {
    const now = new Date("2026-12-01T10:00:00.000Z")
    expect(strandedBefore(now).toISOString()).toEqual("2026-12-01T09:59:00.000Z")
    expect(STRANDED_AFTER_MS).toEqual(60_000)
  })
})
