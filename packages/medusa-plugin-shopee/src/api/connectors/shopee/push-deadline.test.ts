import { withinDeadline } from "./push-deadline"

/** A promise settled by hand, to decide whether the work ends before or after the deadline. */
function pending<T>() {
  let resolve!: (value: T) => void
  let reject!: (error: unknown) => void
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

describe("withinDeadline", () => {
  beforeEach(() => jest.useFakeTimers())
  afterEach(() => jest.useRealTimers())

  it("gives the work's value when it ends before the deadline", async () => {
    const work = pending<string>()
    const outcome = withinDeadline(work.promise, 2000, jest.fn())
    work.resolve("stored")
    await expect(outcome).resolves.toEqual({ settled: true, value: "stored" })
  })

  it("gives up at the deadline while the work still waits (a pool with no connection)", async () => {
    const work = pending<string>()
    const outcome = withinDeadline(work.promise, 2000, jest.fn())
    jest.advanceTimersByTime(1999)
    await Promise.resolve()
    let done = false
    void outcome.then(() => (done = true))
    await Promise.resolve()
    expect(done).toBe(false)
    jest.advanceTimersByTime(1)
    await expect(outcome).resolves.toEqual({ settled: false })
  })

  it("passes on a failure that comes before the deadline", async () => {
    const work = pending<string>()
    const outcome = withinDeadline(work.promise, 2000, jest.fn())
    work.reject(new Error("not stored"))
    await expect(outcome).rejects.toThrow("not stored")
  })

  it("hands a failure after the deadline to onLateFailure instead of leaving it unhandled", async () => {
    const work = pending<string>()
    const onLateFailure = jest.fn()
    const outcome = withinDeadline(work.promise, 2000, onLateFailure)
    jest.advanceTimersByTime(2000)
    await expect(outcome).resolves.toEqual({ settled: false })
    const failure = new Error("connection terminated")
    work.reject(failure)
    await new Promise(jest.requireActual("timers").setImmediate)
    expect(onLateFailure).toHaveBeenCalledWith(failure)
  })
})
