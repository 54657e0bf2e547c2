import { MAX_FAILURE_ATTEMPTS, nextFailure, retryDelayMs, retryFailedMessage } from "./failure-schedule"

const now = 1_700_000_000_000

describe("retryDelayMs", () => {
  it("backs off exponentially from a minute", () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([60_000, 240_000, 960_000, 3_840_000])
  })

  it("never waits more than two hours", () => {
    expect(retryDelayMs(10)).toEqual(7_200_000)
  })
})

describe("nextFailure", () => {
  const failure = (previous_attempts: number) =>
    nextFailure({ kind: "order_import_failed", payload_ref: "2401ABC", previous_attempts, reason: "Shopee timed out", now })

  it("schedules the first failure for a retry a minute later", () => {
    expect(failure(0)).toEqual({
      attempts: 1,
      status: "retrying",
      next_attempt_at: new Date(now + 60_000),
      message: "Importing Shopee order 2401ABC failed: Shopee timed out",
    })
  })

  it("counts each failure and waits longer each time", () => {
    expect(failure(2)).toMatchObject({ attempts: 3, status: "retrying", next_attempt_at: new Date(now + 960_000) })
  })

  it("leaves the exception for a person at the last attempt, and says so", () => {
    expect(failure(MAX_FAILURE_ATTEMPTS - 1)).toEqual({
      attempts: MAX_FAILURE_ATTEMPTS,
      status: "open",
      next_attempt_at: null,
      message: `Importing Shopee order 2401ABC failed ${MAX_FAILURE_ATTEMPTS} times; left for a person: Shopee timed out`,
    })
  })
})

describe("retryFailedMessage", () => {
  it("keeps what the exception said and adds the retry's outcome", () => {
    expect(retryFailedMessage("Shop 7 must be reconnected.", "The token refresh was refused again")).toEqual(
      "Shop 7 must be reconnected. Last retry: The token refresh was refused again"
    )
  })
})
