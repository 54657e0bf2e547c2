import { batchByTurn } from "./batch-by-turn"

type Request = { group: string; key: string }

/** A batch runner whose batches the test finishes one by one, recording what each held. */
function gatedRunner() {
  const batches: { requests: Request[]; finish: (error?: Error) => void }[] = []
  const run = (requests: Request[]) =>
    new Promise<string[]>((resolve, reject) => {
      batches.push({
        requests,
        finish: (error) => (error ? reject(error) : resolve(requests.map((request) => `done ${request.key}`))),
      })
    })
  const keysOf = (index: number) => batches[index].requests.map((request) => request.key)
  return { run, batches, keysOf }
}

const settle = () => new Promise((resolve) => setImmediate(resolve))
const request = (key: string, group = "sandbox"): Request => ({ group, key })

function batcher(runner: ReturnType<typeof gatedRunner>, limits = { maxBatch: 3, maxRunning: 1 }) {
  return batchByTurn<Request, string>({ ...limits, groupOf: (r) => r.group, keyOf: (r) => r.key, run: runner.run })
}

describe("batchByTurn", () => {
  it("starts a lone request at once and gathers those arriving meanwhile into the next batch", async () => {
    const runner = gatedRunner()
    const submit = batcher(runner)
    const first = submit(request("a"))
    await settle()
    expect(runner.batches).toHaveLength(1)
    const later = ["b", "c", "d", "e"].map((key) => submit(request(key)))
    await settle()
    expect(runner.batches).toHaveLength(1)
    runner.batches[0].finish()
    await expect(first).resolves.toBe("done a")
    await settle()
    expect(runner.keysOf(1)).toEqual(["b", "c", "d"])
    runner.batches[1].finish()
    await settle()
    expect(runner.keysOf(2)).toEqual(["e"])
    runner.batches[2].finish()
    await expect(Promise.all(later)).resolves.toEqual(["done b", "done c", "done d", "done e"])
  })

  it("never puts one key twice in a batch, and keeps groups apart", async () => {
    const runner = gatedRunner()
    const submit = batcher(runner)
    const answers = [submit(request("x")), submit(request("a")), submit(request("a")), submit(request("b")), submit(request("a", "live"))]
    await settle()
    expect(runner.batches.map((batch) => batch.requests)).toEqual([[request("x")], [request("a", "live")]])
    runner.batches[0].finish()
    await settle()
    expect(runner.keysOf(2)).toEqual(["a", "b"])
    runner.batches[2].finish()
    await settle()
    expect(runner.keysOf(3)).toEqual(["a"])
    for (const index of [1, 3]) runner.batches[index].finish()
    await expect(Promise.all(answers)).resolves.toEqual(["done x", "done a", "done a", "done b", "done a"])
  })

  it("runs up to maxRunning batches of a group at once", async () => {
    const runner = gatedRunner()
    const submit = batcher(runner, { maxBatch: 5, maxRunning: 2 })
    void submit(request("a"))
    void submit(request("b"))
    void submit(request("c"))
    await settle()
    expect([runner.keysOf(0), runner.keysOf(1)]).toEqual([["a"], ["b"]])
    expect(runner.batches).toHaveLength(2)
  })

  it("gives every request of a failed batch the failure, and the next batch still runs", async () => {
    const runner = gatedRunner()
    const submit = batcher(runner)
    void submit(request("a"))
    await settle()
    const failing = [submit(request("b")), submit(request("c"))]
    const after = submit(request("b"))
    runner.batches[0].finish()
    await settle()
    runner.batches[1].finish(new Error("Shopee did not answer"))
    await expect(Promise.all(failing)).rejects.toThrow("Shopee did not answer")
    await expect(failing[1]).rejects.toThrow("Shopee did not answer")
    await settle()
    runner.batches[2].finish()
    await expect(after).resolves.toBe("done b")
  })
})
