import { NotifiedCache } from "./notified-cache"

describe("NotifiedCache", () => {
  const loader = () => {
    let reads = 0
    return { load: async () => ++reads, reads: () => reads }
  }

  it("reads through while listening is not confirmed", async () => {
    const cache = new NotifiedCache<number>()
    const source = loader()
    expect(await cache.get("k", source.load)).toEqual(1)
    expect(await cache.get("k", source.load)).toEqual(2)
  })

  it("keeps a value while listening, until a change is notified", async () => {
    const cache = new NotifiedCache<number>()
    cache.setListening(true)
    const source = loader()
    expect(await cache.get("k", source.load)).toEqual(1)
    expect(await cache.get("k", source.load)).toEqual(1)
    cache.invalidate()
    expect(await cache.get("k", source.load)).toEqual(2)
  })

  it("forgets everything when the connection is lost, and reads through until it is back", async () => {
    const cache = new NotifiedCache<number>()
    cache.setListening(true)
    const source = loader()
    await cache.get("k", source.load)
    cache.setListening(false)
    expect(await cache.get("k", source.load)).toEqual(2)
    expect(await cache.get("k", source.load)).toEqual(3)
    cache.setListening(true)
    expect(await cache.get("k", source.load)).toEqual(4)
    expect(await cache.get("k", source.load)).toEqual(4)
  })

  it("does not keep a read that was in flight when a change was notified", async () => {
    const cache = new NotifiedCache<string>()
    cache.setListening(true)
    let release: (value: string) => void = () => undefined
    const inFlight = cache.get("k", () => new Promise<string>((resolve) => (release = resolve)))
    cache.invalidate()
    release("before the change")
    expect(await inFlight).toEqual("before the change")
    expect(await cache.get("k", async () => "after the change")).toEqual("after the change")
  })

  it("answers callers that arrive during a read with one shared read that begins after them", async () => {
    const cache = new NotifiedCache<number>()
    const releases: (() => void)[] = []
    let reads = 0
    const load = () => {
      const read = ++reads
      return new Promise<number>((resolve) => releases.push(() => resolve(read)))
    }
    const first = cache.get("k", load)
    const during = Array.from({ length: 9 }, () => cache.get("k", load))
    expect(reads).toEqual(1)
    releases[0]()
    expect(await first).toEqual(1)
    // The second read began only once the first was answered, after every one of them called.
    await new Promise((resolve) => setImmediate(resolve))
    expect(reads).toEqual(2)
    releases[1]()
    expect(await Promise.all(during)).toEqual(Array(9).fill(2))
    expect(reads).toEqual(2)
  })

  it("answers the callers queued behind a failed read with a read of their own", async () => {
    const cache = new NotifiedCache<string>()
    let fail: (error: Error) => void = () => undefined
    const first = cache.get("k", () => new Promise<string>((_resolve, reject) => (fail = reject)))
    const queued = cache.get("k", async () => "read after the failure")
    fail(new Error("connection lost"))
    await expect(first).rejects.toThrow("connection lost")
    expect(await queued).toEqual("read after the failure")
  })
})
