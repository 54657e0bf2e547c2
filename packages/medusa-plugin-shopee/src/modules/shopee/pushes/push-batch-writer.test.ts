import { multiRowInsert, PushBatchWriter, PUSH_ROW_COLUMNS, type PushRow } from "./push-batch-writer"

const row = (id: string): PushRow =>
  Object.fromEntries(PUSH_ROW_COLUMNS.map((column) => [column, column === "id" ? id : column === "headers" ? { a: "b" } : null])) as PushRow

describe("multiRowInsert", () => {
  it("writes every push in one statement that skips one already received and returns the stored rows", () => {
    const { text, params } = multiRowInsert([row("a"), row("b")])
    expect(text.match(/\(\?(, \?)*\)/g)).toHaveLength(2)
    expect(params).toHaveLength(2 * PUSH_ROW_COLUMNS.length)
    expect(params[0]).toEqual("a")
    expect(params[PUSH_ROW_COLUMNS.indexOf("headers")]).toEqual('{"a":"b"}')
    expect(text).toContain(
      `on conflict ("environment", "dedupe_key") where dedupe_key is not null and deleted_at is null do nothing returning *`
    )
  })
})

describe("PushBatchWriter", () => {
  it("commits pushes that arrive together in one statement, and answers each with its own row or null", async () => {
    const statements: unknown[][] = []
    const writer = new PushBatchWriter(
      async (_text, params) => {
        statements.push(params)
        // "b" was received before: the statement skips it.
        return [{ id: "a" }, { id: "c" }]
      },
      { max_rows: 10, linger_ms: 5 }
    )
    const answers = await Promise.all([writer.insert(row("a")), writer.insert(row("b")), writer.insert(row("c"))])
    expect(statements).toHaveLength(1)
    expect(answers).toEqual([{ id: "a" }, null, { id: "c" }])
  })

  it("does not wait for the linger once a batch is full, and bounds its size", async () => {
    const sizes: number[] = []
    const writer = new PushBatchWriter(
      async (_text, params) => {
        sizes.push(params.length / PUSH_ROW_COLUMNS.length)
        return []
      },
      { max_rows: 2, linger_ms: 60_000 }
    )
    await Promise.all([writer.insert(row("a")), writer.insert(row("b"))])
    expect(sizes).toEqual([2])
  })

  it("fails every push of a batch whose statement fails, and the next batch starts afresh", async () => {
    let calls = 0
    const writer = new PushBatchWriter(
      async () => {
        if (++calls === 1) throw new Error("connection terminated")
        return [{ id: "c" }]
      },
      { max_rows: 10, linger_ms: 1 }
    )
    const failed = await Promise.allSettled([writer.insert(row("a")), writer.insert(row("b"))])
    expect(failed.map((result) => result.status)).toEqual(["rejected", "rejected"])
    expect(await writer.insert(row("c"))).toEqual({ id: "c" })
  })
})
