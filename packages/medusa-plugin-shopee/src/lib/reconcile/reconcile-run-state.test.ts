import {
  HEARTBEAT_MS,
  INTERRUPTED_AFTER_MS,
  isInterrupted,
  percentDone,
  PROGRESS_WRITE_GAP_MS,
  shouldWriteProgress,
} from "./reconcile-run-state"

describe("reconcile run state", () => {
  const now = new Date("2026-12-08T10:00:00Z")
  const ago = (ms: number) => new Date(now.getTime() - ms)

  it("takes a running run silent for longer than the bound as interrupted, and nothing else", () => {
    expect(isInterrupted({ status: "running", progress_at: ago(INTERRUPTED_AFTER_MS + 1) }, now)).toBe(true)
    expect(isInterrupted({ status: "running", progress_at: ago(INTERRUPTED_AFTER_MS).toISOString() }, now)).toBe(false)
    expect(isInterrupted({ status: "running", progress_at: ago(1000) }, now)).toBe(false)
    expect(isInterrupted({ status: "failed", progress_at: ago(INTERRUPTED_AFTER_MS * 10) }, now)).toBe(false)
  })

  it("lets a live run's heartbeat keep it from counting as interrupted", () => {
    expect(HEARTBEAT_MS * 3).toBeLessThan(INTERRUPTED_AFTER_MS)
  })

  it("writes progress at most once a gap, but a change of phase at once", () => {
    const last = { phase: "importing" as const, at: 10_000 }
    expect(shouldWriteProgress(last, "importing", 10_000 + PROGRESS_WRITE_GAP_MS - 1)).toBe(false)
    expect(shouldWriteProgress(last, "importing", 10_000 + PROGRESS_WRITE_GAP_MS)).toBe(true)
    expect(shouldWriteProgress(last, "lost_pushes", 10_001)).toBe(true)
  })

  it("counts importing as most of the run", () => {
    expect(percentDone({ phase: "listing", done: 0, total: 0 })).toBe(0)
    expect(percentDone({ phase: "listing", done: 3, total: 3 })).toBe(10)
    expect(percentDone({ phase: "importing", done: 500, total: 1000 })).toBe(50)
    expect(percentDone({ phase: "lost_pushes", done: 4, total: 4 })).toBe(100)
    expect(percentDone({ phase: "done", done: 0, total: 0 })).toBe(100)
  })
})
