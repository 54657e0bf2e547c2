import type { Scenario } from "../scenario"
import { runOrderTraffic } from "./order-traffic"

/** How long PostgreSQL stays down: longer than one round of moves, so that a burst meets the outage. */
const DOWN_MS = 6000

/**
 * The order burst with PostgreSQL stopped and started again halfway (the suite's own scratch
 * cluster, never a shared server). Every push delivered while it is down must be answered 5xx, so
 * that Shopee sends it again, or, when Medusa could still store it, 200; none may be acknowledged
 * without being stored (the traffic's check), and the end state is the same as without the outage.
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
  const result = await runOrderTraffic(stack, {
    name: "postgres-restart",
    orders: stack.orders,
    midway: async () => {
      outage = await restart(DOWN_MS)
      return { postgres_down_s: Math.round((outage.upAt - outage.downAt) / 1000) }
    },
  })
  // Every delivery attempt the simulator started while the database was down, and how it was answered.
  const attempts = stack.sandbox.state.pushes
    .flatMap((message) => message.attempts)
    .filter((attempt) => outage !== undefined && attempt.at_ms >= outage.downAt && attempt.at_ms < outage.upAt)
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
