import { eachAtMost } from "./each-at-most"

/** A job whose completion the test controls, so that overlap is observed, not timed. */
function gatedJobs() {
  const running = new Set<number>()
  const gates = new Map<number, () => void>()
  let most = 0
  const started: number[] = []
  const job = (item: number) =>
    new Promise<void>((resolve) => {
      running.add(item)
      started.push(item)
      most = Math.max(most, running.size)
      gates.set(item, () => {
        running.delete(item)
        resolve()
      })
    })
  const release = (item: number) => gates.get(item)!()
  return { job, release, started, most: () => most, running }
}

const settle = () => new Promise((resolve) => setImmediate(resolve))

describe("eachAtMost", () => {
  it("starts no more than the limit at once and the next item as soon as one finishes", async () => {
    const gated = gatedJobs()
    const done = eachAtMost([1, 2, 3, 4, 5], 2, gated.job)
    await settle()
    expect(gated.started).toEqual([1, 2])
    gated.release(2)
    await settle()
    expect(gated.started).toEqual([1, 2, 3])
    for (const item of [1, 3]) gated.release(item)
    await settle()
    expect(gated.started).toEqual([1, 2, 3, 4, 5])
    for (const item of [4, 5]) gated.release(item)
    await done
    expect(gated.most()).toBe(2)
  })

  it("runs every item even when one fails, then rethrows the failure", async () => {
    const seen: number[] = []
    const run = eachAtMost([1, 2, 3], 2, async (item) => {
      seen.push(item)
      if (item === 1) throw new Error("one failed")
    })
    await expect(run).rejects.toThrow("one failed")
    expect(seen.sort()).toEqual([1, 2, 3])
  })

  it("finishes at once for no items and refuses a limit below 1", async () => {
    await expect(eachAtMost([], 3, async () => undefined)).resolves.toBeUndefined()
    await expect(eachAtMost([1], 0, async () => undefined)).rejects.toThrow("limit of 1 or more")
  })
})
