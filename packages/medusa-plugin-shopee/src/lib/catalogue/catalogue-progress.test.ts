import { ABANDONED_RUN_MS, isAbandoned, percentDone, progressLine } from "./catalogue-progress"

describe("catalogue progress", () => {
  it("counts reading as most of the run", () => {
    expect(percentDone({ phase: "listing", done: 0, total: 1000 })).toBe(0)
    expect(percentDone({ phase: "reading", done: 500, total: 1000 })).toBe(50)
    expect(percentDone({ phase: "matching", done: 0, total: 0 })).toBe(100)
  })

  it("prints a count and a percentage", () => {
    expect(progressLine({ phase: "reading", done: 350, total: 1000 })).toBe("reading: 350/1000 items (38%)")
  })

  it("takes a run silent for too long as abandoned", () => {
    const now = new Date("2026-12-01T10:00:00Z")
    expect(isAbandoned(new Date(now.getTime() - ABANDONED_RUN_MS - 1).toISOString(), now)).toBe(true)
    expect(isAbandoned(new Date(now.getTime() - 1000).toISOString(), now)).toBe(false)
  })
})
