import { runBounded } from "./run-bounded"

/** A task that settles only when the test releases it, so the test sees how many run at once. */
function gatedTasks() {
  const gates = new Map<number, () => void>()
  let running = 0
  let most = 0
  const task = (item: number) =>
    new Promise<number>((resolve) => {
      running += 1
      most = Math.max(most, running)
      gates.set(item, () => {
        running -= 1
        resolve(item * 10)
      })
    })
  return { task, gates, most: () => most }
}

const tick = () => new Promise((resolve) => setImmediate(resolve))

describe("runBounded", () => {
  it("runs at most `limit` tasks at once and reports each as it settles, in settling order", async () => {
    const { task, gates, most } = gatedTasks()
    const settled: [number, number][] = []
    const done = runBounded([1, 2, 3, 4, 5], 2, task, (item, result) => settled.push([item, result]))
    await tick()
    expect([...gates.keys()]).toEqual([1, 2])
    gates.get(2)!()
    await tick()
    expect(settled).toEqual([[2, 20]])
    expect([...gates.keys()]).toEqual([1, 2, 3])
    for (const item of [1, 3, 4, 5]) {
      await tick()
      gates.get(item)!()
    }
    await done
    expect(settled.map(([item]) => item)).toEqual([2, 1, 3, 4, 5])
    expect(most()).toBe(2)
  })

  it("finishes at once on no items", async () => {
    const seen: number[] = []
    await runBounded(
      [],
      3,
      async (item: number) => item,
      (item) => seen.push(item)
    )
    expect(seen).toEqual([])
  })
})
