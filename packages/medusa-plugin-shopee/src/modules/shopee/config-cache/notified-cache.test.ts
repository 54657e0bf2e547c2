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
})
