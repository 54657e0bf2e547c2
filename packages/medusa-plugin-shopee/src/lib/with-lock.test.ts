import type { MedusaContainer } from "@medusajs/framework/types"
import { lockFor, MAX_LOCKED_JOBS } from "./with-lock"

/**
 * A locking module that counts the locks held through it at once, as the PostgreSQL provider
 * would count the pool connections it holds, and excludes callers of one key like it does.
 */
function countingLocking() {
  const held = new Set<string>()
  let concurrent = 0
  let mostConcurrent = 0
  const locking = {
    async execute<T>(key: string, job: () => Promise<T>): Promise<T> {
      if (held.has(key)) throw new Error(`${key} is held twice at once`)
      held.add(key)
      concurrent += 1
      mostConcurrent = Math.max(mostConcurrent, concurrent)
      try {
        return await job()
      } finally {
        held.delete(key)
        concurrent -= 1
      }
    },
  }
  const container = { resolve: () => locking } as unknown as MedusaContainer
  return { withLock: lockFor(container), mostConcurrent: () => mostConcurrent }
}

const pause = () => new Promise((resolve) => setTimeout(resolve, 5))

describe("lockFor", () => {
  it("runs at most MAX_LOCKED_JOBS outermost locked jobs at once, and every job", async () => {
    const { withLock, mostConcurrent } = countingLocking()
    const done = await Promise.all(Array.from({ length: 20 }, (_, index) => withLock(`order:${index}`, async () => (await pause(), index))))
    expect(done).toEqual(Array.from({ length: 20 }, (_, index) => index))
    expect(mostConcurrent()).toEqual(MAX_LOCKED_JOBS)
  })

  it("lets callers of one key take the lock one after the other", async () => {
    const { withLock } = countingLocking()
    const order: string[] = []
    await Promise.all(
      ["a", "b", "c"].map((name) =>
        withLock("order:same", async () => {
          order.push(`${name} in`)
          await pause()
          order.push(`${name} out`)
        })
      )
    )
    expect(order).toEqual(["a in", "a out", "b in", "b out", "c in", "c out"])
  })

  it("gives a lock taken inside a locked job no slot of its own, so full slots cannot deadlock", async () => {
    const { withLock, mostConcurrent } = countingLocking()
    const outer = Array.from({ length: MAX_LOCKED_JOBS * 2 }, (_, index) =>
      withLock(`reconcile:${index}`, () => withLock(`token:${index}`, async () => (await pause(), index)))
    )
    expect(await Promise.all(outer)).toHaveLength(MAX_LOCKED_JOBS * 2)
    expect(mostConcurrent()).toEqual(MAX_LOCKED_JOBS * 2)
  })
})
