import autocannon, { type Result } from "autocannon"
import { assertLoopback } from "./bench-server"
import { formatCount } from "./options"

export type LoadTarget = {
  name: string
  /** Base URL, loopback only. */
  url: string
  path: string
  /** The body and headers of request number `seq` of the phase tagged `tag`. */
  request: (tag: string, seq: number) => { body: string; headers: Record<string, string> }
}

export type LoadFigures = {
  name: string
  /** The tag of the measured phase's bodies. */
  tag: string
  requestsPerSecond: number
  p50: number
  p99: number
  sent: number
  status200: number
  otherStatuses: Record<string, number>
  errors: number
  timeouts: number
  seconds: number
  /** The run hit its time limit before every request was answered. */
  cutShort: boolean
}

/**
 * Load on one route at `connections` concurrent connections. A warm-up run of `warmupSeconds`
 * (JIT, connection pools) also measures the rate, from which the measured run's request count
 * is set so that it lasts about `seconds`. The measured run is bounded by that count, not by
 * a clock: autocannon then waits for every answer, so each request sent has its status counted
 * and the stored rows can be compared with the 200s exactly. A hard time limit (three times the
 * target plus 10 s) still stops a run that slows down; it is reported as cut short.
 */
export async function measureLoad(
  target: LoadTarget,
  options: { connections: number; seconds: number; warmupSeconds: number; log: (line: string) => void }
): Promise<LoadFigures> {
  assertLoopback(target.url)
  const { connections, seconds, warmupSeconds, log } = options
  const warmup = await run(target, `${target.name}-warmup-${process.pid}`, { connections, duration: warmupSeconds }, log)
  if (warmup.result["2xx"] === 0)
    throw new Error(`${target.name}: no 2xx answer during the warm-up: ${JSON.stringify(warmup.result.statusCodeStats)}`)
  // The first second is slow (cold code, new connections): the rate is taken from the second half.
  const warmupRate = warmup.secondHalfRate
  log(
    `${target.name}: warm-up ${formatCount(warmup.result["2xx"])} answers in ${warmup.result.duration} s, ${formatCount(warmupRate)}/s in its second half`
  )

  const amount = Math.max(connections * 4, Math.round(warmupRate * seconds))
  const tag = `${target.name}-run-${process.pid}`
  const measured = await run(target, tag, { connections, amount, hardLimitSeconds: seconds * 3 + 10 }, log)
  const { result } = measured
  const status200 = result.statusCodeStats["200"]?.count ?? 0
  const otherStatuses = Object.fromEntries(
    Object.entries(result.statusCodeStats)
      .filter(([status]) => status !== "200")
      .map(([status, { count }]) => [status, count])
  )
  return {
    name: target.name,
    tag,
    requestsPerSecond: status200 / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    sent: measured.sent,
    status200,
    otherStatuses,
    errors: result.errors,
    timeouts: result.timeouts,
    seconds: result.duration,
    cutShort: measured.cutShort,
  }
}

async function run(
  target: LoadTarget,
  tag: string,
  bound: { connections: number; duration?: number; amount?: number; hardLimitSeconds?: number },
  log: (line: string) => void
): Promise<{ result: Result; sent: number; cutShort: boolean; secondHalfRate: number }> {
  let sent = 0
  let answered = 0
  let cutShort = false
  const started = Date.now()
  let halfway = { at: started, answered: 0 }
  const phase = bound.amount ? `${formatCount(bound.amount)} requests` : `${bound.duration} s warm-up`
  log(`${target.name}: ${phase} at ${bound.connections} connections…`)
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: target.url,
        connections: bound.connections,
        pipelining: 1,
        ...(bound.amount ? { amount: bound.amount } : { duration: bound.duration }),
        timeout: 10,
        requests: [
          {
            method: "POST",
            path: target.path,
            // Called once per request: each gets its own body, signed over exactly those bytes.
            setupRequest: (request) => {
              const { body, headers } = target.request(tag, sent++)
              return { ...request, method: "POST", path: target.path, headers, body }
            },
          },
        ],
      },
      (error, result) => {
        clearInterval(progress)
        clearTimeout(hardLimit)
        clearTimeout(half)
        const secondHalfRate = ((answered - halfway.answered) * 1000) / Math.max(Date.now() - halfway.at, 1)
        if (error) reject(error)
        else resolve({ result, sent, cutShort, secondHalfRate })
      }
    )
    instance.on("response", () => answered++)
    const half = setTimeout(() => (halfway = { at: Date.now(), answered }), ((bound.duration ?? 0) * 1000) / 2)
    const progress = setInterval(() => {
      const elapsed = Math.round((Date.now() - started) / 1000)
      const share = bound.amount ? ` (${Math.floor((answered / bound.amount) * 100)}%)` : ""
      log(`${target.name}: ${elapsed} s, ${formatCount(answered)} answered${share}`)
    }, 2000)
    const hardLimit = bound.hardLimitSeconds
      ? setTimeout(() => {
          cutShort = true
          log(`${target.name}: time limit of ${bound.hardLimitSeconds} s reached, stopping the load`)
          instance.stop()
        }, bound.hardLimitSeconds * 1000)
      : undefined
  })
}
