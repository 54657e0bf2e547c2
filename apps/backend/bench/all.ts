/**
 * `npm run bench`: every benchmark, one after another (each starts its own Medusa on a fresh
 * database, so they never load the machine at the same time), then one table of their figures,
 * goals and ratios, read from the `BENCH_JSON` line each prints at its end. A benchmark that
 * printed none shows as "missing". Each one's own output streams through as it runs.
 *
 * Sizes are chosen so that the whole run takes well under 15 minutes on a 2-core machine:
 *   webhook  --during-import=300 (10 s measured runs at 50 connections, 4 s warm-up; a third run while
 *            orders are created at the simulator, up to 300, and imported by the worker)
 *   orders   --orders=300 --list-rows=10000 (300 orders for the floor and 300 through the pipeline;
 *            the orders list at 1k and 10k rows)
 *   stock    --cards=10 --models=1000
 * The benchmarks' own flags give the full sizes (`npm run bench:orders` alone: 1,000 orders, 100k rows).
 *
 *   --only=orders,stock   run only these (of webhook, orders, stock)
 * Exit code 1 when a benchmark failed (exit code not 0) or printed no BENCH_JSON line; a goal not
 * met is shown in the table, not turned into a failure.
 */
import { spawn } from "node:child_process"
import path from "node:path"
import { parseBenchJson } from "./bench-json"
import { formatBenchTable, type BenchOutcome } from "./bench-table"

const BENCHES: { name: string; flags: string[] }[] = [
  { name: "webhook", flags: ["--during-import=300"] },
  { name: "orders", flags: ["--orders=300", "--list-rows=10000"] },
  { name: "stock", flags: ["--cards=10", "--models=1000"] },
]

const log = (line: string) => console.log(`[bench] ${line}`)

function selectedBenches(): typeof BENCHES {
  const known = BENCHES.map((bench) => bench.name)
  let only = known
  for (const argument of process.argv.slice(2)) {
    if (!argument.startsWith("--only=")) throw new Error(`Unknown argument "${argument}"; known: --only=${known.join(",")}`)
    only = argument.slice("--only=".length).split(",").filter(Boolean)
    const unknown = only.filter((name) => !known.includes(name))
    if (unknown.length > 0 || only.length === 0) throw new Error(`--only takes names among ${known.join(", ")}; got "${argument}"`)
  }
  return BENCHES.filter((bench) => only.includes(bench.name))
}

/** Runs one benchmark with tsx, echoing its output and keeping it to find the BENCH_JSON line. */
function runBench(name: string, flags: string[]): Promise<BenchOutcome> {
  const script = path.join(__dirname, `${name}.ts`)
  const started = performance.now()
  return new Promise((resolve) => {
    let output = ""
    const child = spawn(process.execPath, [require.resolve("tsx/cli"), script, ...flags], {
      stdio: ["ignore", "pipe", "pipe"],
      env: process.env,
    })
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString()
      process.stdout.write(chunk)
    })
    child.stderr.on("data", (chunk: Buffer) => process.stderr.write(chunk))
    const done = (exitCode: number | null) =>
      resolve({ bench: name, report: parseBenchJson(output), exitCode, seconds: (performance.now() - started) / 1000 })
    child.on("error", (error) => {
      log(`${name} could not start: ${error.message}`)
      done(null)
    })
    child.on("close", (code) => done(code))
  })
}

async function main(): Promise<number> {
  const benches = selectedBenches()
  const outcomes: BenchOutcome[] = []
  for (const bench of benches) {
    log(`${bench.name}: tsx bench/${bench.name}.ts ${bench.flags.join(" ")}`)
    outcomes.push(await runBench(bench.name, bench.flags))
  }
  console.log("")
  console.log(formatBenchTable(outcomes))
  console.log(outcomes.map((outcome) => `${outcome.bench} ${Math.round(outcome.seconds)} s (exit ${outcome.exitCode ?? "?"})`).join(", "))
  return outcomes.every((outcome) => outcome.exitCode === 0 && outcome.report) ? 0 : 1
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`[bench] failed: ${(error as Error).message}`)
    process.exit(1)
  }
)
