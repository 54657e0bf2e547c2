import { decideDirtyBatch, type DirtyBatchRule } from "./dirty-mark-batch"

const rule: DirtyBatchRule = { quiet_ms: 2_000, max_wait_ms: 10_000, max_batch: 3 }
const mark = (id: number, variant_id: string, marked_at: number) => ({ id, variant_id, marked_at })

describe("decideDirtyBatch", () => {
  it("is idle without marks", () => {
    expect(decideDirtyBatch([], 1_000, rule)).toEqual({ run: "idle" })
  })

  it("waits for the rest of the quiet spell while marks keep arriving", () => {
    expect(decideDirtyBatch([mark(1, "v1", 9_000), mark(2, "v2", 9_500)], 10_000, rule)).toEqual({ run: "wait", wait_ms: 1_500 })
  })

  it("runs once no mark has arrived for the quiet spell, deduplicating variants", () => {
    const marks = [mark(1, "v1", 1_000), mark(2, "v2", 1_200), mark(3, "v1", 1_500)]
    expect(decideDirtyBatch(marks, 3_500, rule)).toEqual({ run: "now", variant_ids: ["v1", "v2"], marks_taken: marks, variants_left: 0 })
  })

  it("runs at the longest wait even when marks never stop", () => {
    const marks = [mark(1, "v1", 0), mark(2, "v2", 9_900)]
    expect(decideDirtyBatch(marks, 10_000, rule)).toMatchObject({ run: "now", variant_ids: ["v1", "v2"] })
    expect(decideDirtyBatch(marks, 9_950, rule)).toEqual({ run: "wait", wait_ms: 50 })
  })

  it("takes the longest waiting variants first when the batch is full, leaving the rest marked", () => {
    const marks = [mark(1, "v4", 400), mark(2, "v1", 100), mark(3, "v3", 300), mark(4, "v2", 200), mark(5, "v4", 50)]
    const decision = decideDirtyBatch(marks, 5_000, rule)
    expect(decision).toMatchObject({ run: "now", variant_ids: ["v4", "v1", "v2"], variants_left: 1 })
    if (decision.run !== "now") throw new Error("expected a run")
    expect(decision.marks_taken.map((m) => m.id).sort()).toEqual([1, 2, 4, 5])
  })

  it("treats a mark stamped ahead of this clock as just made", () => {
    expect(decideDirtyBatch([mark(1, "v1", 6_000)], 5_000, rule)).toEqual({ run: "wait", wait_ms: 2_000 })
  })
})
