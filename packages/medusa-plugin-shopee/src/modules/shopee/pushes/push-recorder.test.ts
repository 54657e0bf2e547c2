import type { ExceptionQueue } from "../exceptions/exception-queue"
import { isPushNotStored } from "../database-errors"
import type { RawEventRow } from "../tables"
import { PushRecorder, type RecordPushInput } from "./push-recorder"
import type { RunSql } from "./rejected-push-limit"

const PUSH =
  '{"data":{"items":[],"ordersn":"220810QSK8S7BX","status":"PROCESSED","completed_scenario":"","update_time":1660123127},"shop_id":727720655,"code":3,"timestamp":1660123127}'

const input: RecordPushInput = {
  environment: "sandbox",
  profile_id: "prof_1",
  path: "/connectors/shopee/sandbox/push",
  headers: { authorization: "signature" },
  raw_body: Buffer.from(PUSH),
  signature_ok: true,
  source: "127.0.0.1",
}

/**
 * A recorder over a database that answers each statement with `answer`; the generated data
 * access records what it is asked, so a test sees which writes were tried and how.
 */
function recorderOver(answer: (text: string) => Record<string, unknown>[]) {
  const statements: string[] = []
  const calls: string[] = []
  const sql: RunSql = async (text) => {
    statements.push(text)
    return answer(text)
  }
  const table = {
    listShopeeRawEvents: async () => {
      calls.push("list")
      return [] as RawEventRow[]
    },
    createShopeeRawEvents: async (row: unknown) => {
      calls.push("create")
      return row as RawEventRow
    },
    updateShopeeRawEvents: async () => {
      calls.push("update")
      return {} as RawEventRow
    },
  }
  const recorder = new PushRecorder(table as never, {} as ExceptionQueue, {}, async (job) => job({}), sql)
  return { recorder, statements, calls }
}

const connectionRefused = () => Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" })

describe("PushRecorder.record", () => {
  it("refuses a push at once when the database cannot be reached, without trying it again on its own", async () => {
    const { recorder, calls } = recorderOver(() => {
      throw connectionRefused()
    })
    const error = await recorder.record(input).then(
      () => null,
      (thrown: unknown) => thrown
    )
    expect(isPushNotStored(error)).toBe(true)
    expect((error as Error).message).toEqual("The push could not be stored (Error)")
    expect(calls).toEqual([])
  })

  it("stores each push of a batch that failed for another reason on its own", async () => {
    const { recorder, calls } = recorderOver(() => {
      throw Object.assign(new Error("value out of range"), { code: "22003" })
    })
    const recorded = await recorder.record(input)
    expect(recorded.outcome).toEqual("stored")
    expect(calls).toEqual(["create"])
  })

  it("answers a resend with the first row as its count left it, from the counting statement alone", async () => {
    const first = { id: "shevt_first", duplicate_count: 2, status: "processed" }
    const { recorder, statements, calls } = recorderOver((text) => (text.startsWith("insert") ? [] : [first]))
    const recorded = await recorder.record(input)
    expect(recorded).toEqual({ outcome: "duplicate", event: first })
    expect(statements).toHaveLength(2)
    expect(statements[1]).toMatch(/^update "shopee_raw_event" set "duplicate_count" = "duplicate_count" \+ 1/)
    expect(calls).toEqual([])
  })
})
