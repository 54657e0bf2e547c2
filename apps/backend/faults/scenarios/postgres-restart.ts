import { monitorEventLoopDelay } from "node:perf_hooks"
import type { Scenario } from "../scenario"
import { runOrderTraffic } from "./order-traffic"

/** How long PostgreSQL stays down: longer than one round of moves, so that a burst meets the outage. */
const DOWN_MS = 6000
/** After PostgreSQL is back: how long the connector's recovery is watched (reported, not judged: those pushes are not the outage's). */
const RECOVERY_MS = 5000

/**
 * The order burst with PostgreSQL stopped and started again halfway (the suite's own scratch
 * cluster, never a shared server). Every push delivered while it is down must be answered 5xx, so
 * that Shopee sends it again, or, when Medusa could still store it, 200; none may be acknowledged
 * without being stored (the traffic's check), and the end state is the same as without the outage.
 * The outage is timed by PostgreSQL's own log (scratch-cluster.ts): from its shutdown request to
 * its readiness. A push made after that meets a database that accepts connections and a connector
 * reconnecting to it; how many of those got no answer is a figure (`recovery_no_answer`), and what
 * it costs Shopee's view of the subscription is the traffic's `push_success_6h` check.
 */
export const postgresRestart: Scenario = async (stack) => {
  const restart = stack.restartDatabase
  if (!restart) {
    return {
      name: "postgres-restart",
      ok: false,
      figures: { stack: stack.label },
      problems: ["this stack's PostgreSQL is shared: the scenario needs the scratch cluster"],
    }
  }
  let outage: { downAt: number; upAt: number } | undefined
  // The simulator runs in this process: a late answer may be this loop's delay, not the server's.
  const loopDelay = monitorEventLoopDelay({ resolution: 20 })
  loopDelay.enable()
  const result = await runOrderTraffic(stack, {
    name: "postgres-restart",
    orders: stack.orders,
    midway: async () => {
      outage = await restart(DOWN_MS)
      return { postgres_down_s: Math.round((outage.upAt - outage.downAt) / 1000) }
    },
  })
  loopDelay.disable()
  // Every delivery attempt the simulator started while the database was down, and how it was answered.
  const allAttempts = stack.sandbox.state.pushes.flatMap((message) => message.attempts)
  const attempts = allAttempts.filter((attempt) => outage !== undefined && attempt.at_ms >= outage.downAt && attempt.at_ms < outage.upAt)
  const recovering = allAttempts.filter(
    (attempt) => outage !== undefined && attempt.at_ms >= outage.upAt && attempt.at_ms < outage.upAt + RECOVERY_MS
  )
  const answered5xx = attempts.filter((attempt) => attempt.status !== null && attempt.status >= 500).length
  const answered2xx = attempts.filter((attempt) => attempt.status !== null && attempt.status >= 200 && attempt.status < 300).length
  const noAnswer = attempts.filter((attempt) => attempt.status === null).length
  const other = attempts.length - answered5xx - answered2xx - noAnswer
  Object.assign(result.figures, {
    outage_pushes: attempts.length,
    outage_5xx: answered5xx,
    outage_2xx: answered2xx,
    outage_no_answer: noAnswer,
    outage_other: other,
    recovery_pushes: recovering.length,
    recovery_no_answer: recovering.filter((attempt) => attempt.status === null).length,
    suite_loop_delay_max_ms: Math.round(loopDelay.max / 1e6),
  })
  if (attempts.length === 0) result.problems.push("no push was delivered while PostgreSQL was down: the outage proved nothing")
  if (noAnswer > 0)
    result.problems.push(
      `${noAnswer} pushes during the outage got no answer within the simulator's 3 s (Shopee retries those too, but a 5xx was due)`
    )
  if (other > 0) result.problems.push(`${other} pushes during the outage were answered neither 5xx nor 2xx`)
  result.ok = result.problems.length === 0
  return result
}
