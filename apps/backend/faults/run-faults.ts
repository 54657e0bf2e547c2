/**
 * `npm run test:faults`: the fault suite. Starts the real stack on this machine (the Shopee
 * simulator, Medusa as a separate server and worker on a PostgreSQL cluster of the suite's own; see
 * stack.ts), runs the scenarios in order, first without Redis, then with Medusa restarted on Redis,
 * prints one line per scenario with its figures, then the table and a closing line; exits 0 only
 * when every scenario holds.
 *
 *   --orders=N        orders each order scenario moves through five statuses (FAULT_ORDERS)
 *   --only=a,b        only these scenarios (e.g. --only=postgres-restart); the stack still starts in full
 *
 * Every process's output is kept (test-results/faults/<run>/<source>.log, and in memory for the
 * secret scan), as is every response the scenarios read from Medusa.
 */
import path from "node:path"
import { numberOption, refuseUnknownFlags, UsageError } from "../bench/options"
import { createRecordedFetch } from "./recorded-fetch"
import { startFaultRedis, type FaultRedis } from "./redis"
import { RunLog } from "./run-log"
import type { FaultStack, Scenario, ScenarioResult } from "./scenario"
import { adminRoutesUnauthorized } from "./scenarios/admin-routes-unauthorized"
import { malformedInput } from "./scenarios/malformed-input"
import { orderBurst } from "./scenarios/order-burst"
import { postgresRestart } from "./scenarios/postgres-restart"
import { rotationKill } from "./scenarios/rotation-kill"
import { secretScan } from "./scenarios/secret-scan"
import { webhookFlood } from "./scenarios/webhook-flood"
import { workerKill } from "./scenarios/worker-kill"
import { selectScenarios } from "./select-scenarios"
import { startStack, type RunningStack } from "./stack"

/** Default orders per order scenario: what fits the suite's 10 minutes on a 2-core machine (see the README). */
const DEFAULT_ORDERS = 20

type Pass = { redis: boolean; scenarios: [name: string, scenario: Scenario][] }

/**
 * The scenarios, in the order they run: first with Medusa on its in-process event bus and
 * workflow engine (PostgreSQL locks), then restarted on Redis. Without Redis a push is processed
 * by the server that stored it (its in-process event bus reaches only its own subscribers) and the
 * worker runs the scheduled jobs; with Redis the worker takes pushes from the shared event bus, so
 * killing it there meets imports in flight.
 */
const PASSES: Pass[] = [
  {
    redis: false,
    scenarios: [
      ["order-burst", orderBurst],
      ["malformed-input", malformedInput],
      ["admin-routes-unauthorized", adminRoutesUnauthorized],
      ["webhook-flood", webhookFlood],
      ["rotation-kill", rotationKill],
    ],
  },
  {
    redis: true,
    scenarios: [
      ["worker-kill", workerKill],
      ["postgres-restart", postgresRestart],
      // Last, once every response and log line of the run exists.
      ["secret-scan", secretScan],
    ],
  },
]

const BACKEND = path.resolve(__dirname, "..")
const progress = (line: string) => console.log(`[faults] ${line}`)

async function main(): Promise<number> {
  refuseUnknownFlags(["orders", "only"])
  const orders = numberOption("orders", "FAULT_ORDERS", DEFAULT_ORDERS, { min: 1, max: 10_000 })
  const onlyFlag = process.argv.slice(2).find((argument) => argument.startsWith("--only="))
  const passes = selectScenarios(PASSES, onlyFlag?.slice("--only=".length))
  const started = Date.now()
  const runLog = new RunLog(path.join(BACKEND, "test-results/faults", new Date(started).toISOString().replace(/[:.]/g, "-")))
  const recording = createRecordedFetch()
  progress(`${orders} orders per order scenario; logs in ${path.relative(process.cwd(), runLog.dir)}`)

  const results: ScenarioResult[] = []
  let running: RunningStack | undefined
  let redis: FaultRedis | undefined
  // Ctrl-C, or a CI runner's TERM, must not leave the Medusa processes and the Redis behind. A
  // second signal (Ctrl-C twice, or one to tsx and the one it relays) waits for the same stop:
  // left to the default action it would end this process at once and orphan them all.
  let stopping = false
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      if (stopping) return progress(`${signal}: already stopping the stack…`)
      stopping = true
      progress(`${signal}: stopping the stack…`)
      void Promise.allSettled([running?.stop(), redis?.stop()]).finally(() => process.exit(130))
    })
  }
  try {
    running = await startStack({ runLog, recording, orders, progress })
    for (const pass of passes) {
      let stack: FaultStack
      try {
        if (pass.redis) {
          redis = await startFaultRedis(runLog.lines("redis"))
          if (!redis) throw new Error("no Redis: install redis-server, or run one on 127.0.0.1:6379")
          progress(`Redis: ${redis.origin}`)
          stack = await running.useRedis(redis)
        } else {
          stack = running.stack
        }
      } catch (error) {
        const problem = `the ${pass.redis ? "Redis" : "main"} pass could not start: ${(error as Error).message}`
        progress(problem)
        for (const [name] of pass.scenarios) results.push({ name, ok: false, figures: {}, problems: [problem] })
        continue
      }
      progress(`${stack.label}: up (server ${stack.medusaUrl}, simulator ${stack.sandboxUrl}) after ${seconds(started)} s`)
      for (const [name, scenario] of pass.scenarios) {
        progress(`${name}…`)
        const result = await scenario(stack).catch((error: Error): ScenarioResult => ({
          name,
          ok: false,
          figures: { stack: stack.label },
          problems: [`threw: ${error.stack ?? error.message}`],
        }))
        results.push(result)
        console.log(formatRow(result))
        for (const problem of result.problems) console.log(`    ${problem}`)
      }
    }
  } catch (error) {
    const problem = `the stack could not start: ${(error as Error).message}`
    progress(problem)
    for (const [name] of passes.flatMap((pass) => pass.scenarios).filter(([name]) => !results.some((result) => result.name === name))) {
      results.push({ name, ok: false, figures: {}, problems: [problem] })
    }
  } finally {
    await running?.stop()
    await redis?.stop()
  }
  await runLog.close()

  console.log("")
  console.log("scenario | ok | figures")
  for (const result of results) console.log(formatRow(result))
  const failed = results.filter((result) => !result.ok)
  for (const result of failed) for (const problem of result.problems) console.log(`  ${result.name}: ${problem}`)
  console.log(
    `faults: ${results.length - failed.length} passed, ${failed.length} failed, 0 skipped (${seconds(started)} s, ${orders} orders per order scenario)`
  )
  return failed.length === 0 ? 0 : 1
}

function formatRow(result: ScenarioResult): string {
  const figures = Object.entries(result.figures)
    .map(([key, value]) => `${key}=${value}`)
    .join(" ")
  return `${result.name} | ${result.ok ? "ok" : "FAIL"} | ${figures}`
}

function seconds(since: number): number {
  return Math.round((Date.now() - since) / 1000)
}

main().then(
  (code) => process.exit(code),
  (error) => {
    // A mistyped flag needs its message, not the suite's stack.
    console.error(`[faults] failed: ${error instanceof UsageError ? error.message : ((error as Error).stack ?? error)}`)
    console.log("faults: 0 passed, 1 failed, 0 skipped (the suite could not run)")
    process.exit(1)
  }
)
