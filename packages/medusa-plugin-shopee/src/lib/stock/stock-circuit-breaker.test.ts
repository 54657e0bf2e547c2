import { ARMED, type BreakerEvent, breakerEventOfCall, recordBreakerEvents } from "./stock-circuit-breaker"
import type { UpdateStockOutcome } from "./update-stock-result"

const systemFailure = (reason = "timeout"): BreakerEvent => ({ kind: "system_failure", reason })
const success: BreakerEvent = { kind: "success" }
const itemFailure: BreakerEvent = { kind: "item_failure" }

describe("recordBreakerEvents", () => {
  it("disarms at the fifth system failure in a row, with the reason", () => {
    const four = recordBreakerEvents(ARMED, [systemFailure(), systemFailure(), systemFailure(), systemFailure()])
    expect(four).toEqual({ consecutive_system_failures: 4, disarmed: false, reason: null })
    expect(recordBreakerEvents(four, [systemFailure("authorization rejected")])).toEqual({
      consecutive_system_failures: 5,
      disarmed: true,
      reason: "5 system failures in a row, the last: authorization rejected",
    })
  })

  it("counts across runs: the state of one run feeds the next", () => {
    let state = ARMED
    for (let run = 0; run < 5; run += 1) state = recordBreakerEvents(state, [systemFailure()])
    expect(state.disarmed).toBe(true)
  })

  it("does not count item-level failures, nor let them reset the count", () => {
    const state = recordBreakerEvents(ARMED, [systemFailure(), itemFailure, systemFailure(), itemFailure, itemFailure, systemFailure()])
    expect(state).toMatchObject({ consecutive_system_failures: 3, disarmed: false })
  })

  it("resets the count on a success", () => {
    const state = recordBreakerEvents(ARMED, [systemFailure(), systemFailure(), systemFailure(), systemFailure(), success, systemFailure()])
    expect(state).toMatchObject({ consecutive_system_failures: 1, disarmed: false })
  })

  it("stays disarmed through later successes until a person re-arms", () => {
    const disarmed = recordBreakerEvents(
      ARMED,
      Array.from({ length: 5 }, () => systemFailure())
    )
    expect(recordBreakerEvents(disarmed, [success])).toBe(disarmed)
  })
})

describe("breakerEventOfCall", () => {
  const written = (model_id: number): UpdateStockOutcome => ({ model_id, requested: 1, status: "written" })
  const failed = (model_id: number, level: "item" | "system"): UpdateStockOutcome => ({
    model_id,
    requested: 1,
    status: "failed",
    failure: { level, reason: level === "system" ? "timeout" : "locked by promotion", retry_can_help: true, detail: "" },
  })

  it("counts a call that failed 50 models on a timeout once", () => {
    expect(breakerEventOfCall(Array.from({ length: 50 }, (_, index) => failed(index, "system")))).toEqual(systemFailure("timeout"))
  })

  it("reads any written model as a success, even beside a system failure", () => {
    expect(breakerEventOfCall([failed(1, "system"), written(2)])).toEqual(success)
  })

  it("reads a call of item-level failures only as an item failure", () => {
    expect(breakerEventOfCall([failed(1, "item"), failed(2, "item")])).toEqual(itemFailure)
  })
})
