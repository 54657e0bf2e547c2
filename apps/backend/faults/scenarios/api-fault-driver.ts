import type { Sandbox } from "@shopee-medusa/shopee-sandbox"

type FaultInput = Parameters<Sandbox["faults"]["add"]>[0]

/** The failures Shopee's API gives under load, taken in turn: two kinds of 5xx, a hang, a rate limit. */
const FAILURES: FaultInput[] = [
  { kind: "server_error", status: 500 },
  { kind: "server_error", status: 503 },
  // Hangs 1.5 s, then drops the connection without an answer.
  { kind: "timeout", latency_ms: 1500 },
  { kind: "rate_limit" },
]

export type ApiFaultFigures = { calls: number; failed: number }

/**
 * Makes `share` of the simulator's Open API calls fail while it runs. The simulator's fault rules
 * apply to the next `times` matching requests rather than to a fraction, so every 100 ms this tops
 * the rules up to `share` of the calls seen since it started; the figures it returns are counted
 * from the simulator's request log (every call, answered or failed), not assumed. Pushes are also
 * duplicated (`duplicate_push`) and reordered in pairs (`reorder_push`), one push in ten each.
 */
export function driveApiFaults(sandbox: Sandbox, share: number): { stop: () => ApiFaultFigures } {
  const firstSeq = lastSeq(sandbox)
  const added: { hits: number; remaining: number | null }[] = []
  let turn = 0
  let pushesSeen = sandbox.state.counters.push_message
  const tick = () => {
    const calls = apiCalls(sandbox, firstSeq)
    const owed = Math.ceil(calls.length * share) + 1
    const scheduled = added.reduce((sum, rule) => sum + rule.hits + (rule.remaining ?? 0), 0)
    if (owed > scheduled)
      added.push(sandbox.faults.add({ ...FAILURES[turn++ % FAILURES.length], route: "/api/*", times: owed - scheduled }))
    const pushes = sandbox.state.counters.push_message
    const tenth = Math.floor(pushes / 10) - Math.floor(pushesSeen / 10)
    if (tenth > 0) {
      sandbox.faults.add({ kind: "duplicate_push", times: tenth })
      sandbox.faults.add({ kind: "reorder_push", times: tenth, batch: 2 })
      pushesSeen = pushes
    }
  }
  const timer = setInterval(tick, 100)
  return {
    stop: () => {
      clearInterval(timer)
      // What was scheduled and not yet hit applies no more: the faults were for the burst.
      sandbox.faults.clear()
      const calls = apiCalls(sandbox, firstSeq)
      return { calls: calls.length, failed: calls.filter((call) => call.status === 0 || call.status === 429 || call.status >= 500).length }
    },
  }
}

function lastSeq(sandbox: Sandbox): number {
  const all = sandbox.requestLog.list()
  return all.length > 0 ? all[all.length - 1].seq : 0
}

function apiCalls(sandbox: Sandbox, afterSeq: number) {
  return sandbox.requestLog.list().filter((entry) => entry.seq > afterSeq)
}
