/**
 * `npm test`: every test of every package, unit to browser, on a real PostgreSQL. Uses the
 * server named by DB_HOST/DB_PORT/DB_USERNAME/DB_PASSWORD (default: localhost:5432, user
 * postgres) and starts the embedded PostgreSQL when none answers. Ends with the line
 * `N passed, N failed, N skipped` that CI reads; with CI set, a skipped test fails the run.
 */
import { spawn, spawnSync } from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { resolveTestDatabase } from "../apps/backend/scripts/test-database"
import { buildIfStale } from "../apps/backend/scripts/build-if-stale"
import { ALL_TARGETS, BUILD_STAMP_FILE } from "../apps/backend/scripts/build-targets"

const ROOT = path.resolve(__dirname, "..")
const JEST = path.join(ROOT, "node_modules/.bin/jest")
const TSC = path.join(ROOT, "node_modules/.bin/tsc")

/** In dependency order: a failure early on still lets the later suites report. */
const SUITES = [
  "packages/shopee-client",
  "packages/shopee-sandbox",
  "packages/medusa-plugin-shopee",
  "apps/backend",
  // Both packages packed and installed into a fresh Medusa app: the plugin as a merchant gets it.
  "integration-tests/install",
]

/**
 * The TypeScript projects, each checked as one test: the builds do not fail on a type error
 * (`medusa plugin:build` and the admin's Vite bundle strip types), so a wrong import path or a
 * changed signature would otherwise reach CI unnoticed.
 */
const TYPECHECKED = [
  "packages/shopee-client",
  "packages/shopee-sandbox",
  "packages/medusa-plugin-shopee",
  "packages/medusa-plugin-shopee/src/admin",
  "apps/backend",
  "integration-tests/install",
]

/** The root's lint and format checks (`npm run lint`, `npm run format:check`), each counted as one test. */
const STYLE_CHECKS = ["lint", "format:check"]

/** The fault suite (`npm run test:faults`): the whole stack started, broken and checked; last, as it takes minutes. */
const FAULT_SUITE = "apps/backend/faults/run-faults.ts"

/** Suites whose test files each boot a Medusa application. */
const ONE_PROCESS_PER_FILE = new Set(["apps/backend"])

type JestSummary = {
  numPassedTests: number
  numFailedTests: number
  numPendingTests: number
  testResults: { status: string; assertionResults: { status: string }[] }[]
}

/**
 * Failed tests, plus one for each test file that failed without a failing test: a file that
 * did not compile, or whose hooks threw. Jest's own test count leaves those out.
 */
function countFailures(summary: JestSummary): number {
  const brokenFiles = summary.testResults.filter(
    (file) => file.status === "failed" && !file.assertionResults.some((test) => test.status === "failed")
  ).length
  return summary.numFailedTests + brokenFiles
}

/**
 * Runs jest. Alone, its output streams as it comes; beside others (`buffered`), it is held and
 * printed whole when the run ends, so that two files' lines never interleave.
 */
function runJest(suite: string, env: NodeJS.ProcessEnv, args: string[], buffered: boolean): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn(JEST, ["--runInBand", "--forceExit", ...args], {
      cwd: path.join(ROOT, suite),
      env,
      stdio: buffered ? ["ignore", "pipe", "pipe"] : "inherit",
    })
    const output: Buffer[] = []
    child.stdout?.on("data", (chunk: Buffer) => output.push(chunk))
    child.stderr?.on("data", (chunk: Buffer) => output.push(chunk))
    child.on("close", (code) => {
      if (buffered) process.stdout.write(Buffer.concat(output))
      resolve(code)
    })
  })
}

/**
 * How many of a suite's files run at once when each has a process of its own. One by default:
 * two at a time cut this project's CI from about 42 to 33 minutes on its 2-core machine, but has
 * passed a whole CI run only once so far. `TEST_FILE_JOBS=2` runs two at a time.
 */
function fileJobs(): number {
  const configured = Number(process.env.TEST_FILE_JOBS ?? 1)
  return Number.isInteger(configured) && configured > 0 ? configured : 1
}

/** The test files of a suite, as jest itself finds them. */
function listTests(suite: string, env: NodeJS.ProcessEnv): string[] {
  const listed = spawnSync(JEST, ["--listTests", "--json"], { cwd: path.join(ROOT, suite), env, encoding: "utf8" })
  return (JSON.parse(listed.stdout || "[]") as string[]).sort()
}

/** Runs the lint and format checks; prints the output of those that fail. */
function styleCheck(): { passed: number; failed: number } {
  const result = { passed: 0, failed: 0 }
  for (const script of STYLE_CHECKS) {
    const run = spawnSync("npm", ["run", "--silent", script], { cwd: ROOT, encoding: "utf8" })
    if (run.status === 0) {
      result.passed += 1
    } else {
      result.failed += 1
      console.log(`[test] npm run ${script} failed:\n${run.stdout}${run.stderr}`)
    }
  }
  return result
}

/** Type-checks each project; prints the errors of those that fail. */
function typecheck(): { passed: number; failed: number } {
  const result = { passed: 0, failed: 0 }
  for (const project of TYPECHECKED) {
    const run = spawnSync(TSC, ["-p", path.join(project, "tsconfig.json"), "--noEmit"], { cwd: ROOT, encoding: "utf8" })
    if (run.status === 0) {
      result.passed += 1
    } else {
      result.failed += 1
      console.log(`[test] typecheck ${project} failed:\n${run.stdout}${run.stderr}`)
    }
  }
  return result
}

/**
 * Runs a suite and reads its results. The backend's files each boot a whole Medusa; each runs
 * in a jest process of its own, so a workflow still running when one file ends (medusa#15836)
 * cannot reach into the next file's database, and a file cannot hang the next one's boot.
 */
async function runSuite(
  suite: string,
  env: NodeJS.ProcessEnv,
  resultsDir: string
): Promise<{ passed: number; failed: number; skipped: number }> {
  const runs = ONE_PROCESS_PER_FILE.has(suite) ? listTests(suite, env).map((file) => [file]) : [[]]
  const jobs = Math.min(fileJobs(), runs.length)
  const total = { passed: 0, failed: 0, skipped: 0 }
  const runOne = async (files: string[], index: number) => {
    const outputFile = path.join(resultsDir, `${path.basename(suite)}-${index}.json`)
    const exitCode = await runJest(
      suite,
      env,
      ["--json", `--outputFile=${outputFile}`, ...(files.length ? ["--runTestsByPath", ...files] : [])],
      jobs > 1
    )
    if (!fs.existsSync(outputFile)) {
      console.log(`[test] ${suite}: jest exited with ${exitCode} and reported nothing${files.length ? ` for ${files[0]}` : ""}`)
      total.failed += 1
      return
    }
    const summary = JSON.parse(fs.readFileSync(outputFile, "utf8")) as JestSummary
    total.passed += summary.numPassedTests
    total.failed += countFailures(summary)
    total.skipped += summary.numPendingTests
  }
  let next = 0
  const worker = async () => {
    while (next < runs.length) {
      const index = next++
      await runOne(runs[index], index)
    }
  }
  await Promise.all(Array.from({ length: jobs }, worker))
  return total
}

/**
 * Runs the fault suite, its output streamed as it comes, and counts each scenario as a test
 * from its closing line; a suite that ends without that line counts as one failure.
 */
function runFaultSuite(env: NodeJS.ProcessEnv): Promise<{ passed: number; failed: number; skipped: number }> {
  return new Promise((resolve) => {
    const child = spawn(path.join(ROOT, "node_modules/.bin/tsx"), [FAULT_SUITE], { cwd: ROOT, env, stdio: ["ignore", "pipe", "inherit"] })
    let output = ""
    child.stdout.on("data", (chunk: Buffer) => {
      process.stdout.write(chunk)
      output += chunk.toString("utf8")
    })
    child.on("close", (code) => {
      const closing = /^faults: (\d+) passed, (\d+) failed, (\d+) skipped/m.exec(output)
      if (!closing) {
        console.log(`[test] the fault suite exited with ${code} without its closing line`)
        resolve({ passed: 0, failed: 1, skipped: 0 })
        return
      }
      const [passed, failed, skipped] = closing.slice(1).map(Number)
      // An exit code that disagrees with the closing line is a failure of its own.
      resolve({ passed, failed: failed + (code !== 0 && failed === 0 ? 1 : 0), skipped })
    })
  })
}

const USAGE = `npm test (tsx scripts/test.ts): every test of every package, unit to browser.

First the lint and format checks (npm run ${STYLE_CHECKS.join(", npm run ")}; one test each),
then a type check of ${TYPECHECKED.join(", ")} (one test each).
Suites, in this order: ${SUITES.join(", ")}; the backend's files one at
a time (TEST_FILE_JOBS), each in a jest process of its own; then the fault suite (npm run test:faults,
each scenario one test; FAULT_ORDERS sets its orders per scenario).
Before them it builds what is stale (client, simulator, plugin, backend), with the same check and
stamps as \`npm start\`.

Environment:
  DB_HOST, DB_PORT, DB_USERNAME, DB_PASSWORD  the test PostgreSQL (default localhost:5432, user postgres);
                                              the embedded PostgreSQL starts when none answers
  LOG_LEVEL                                   Medusa's log level in the tests (default error)
  TEST_FILE_JOBS                              backend test files run at once (default 1)
  FAULT_ORDERS                                orders per order scenario of the fault suite (default 20)
  CI                                          set: a skipped test fails the run

Options:
  --help                                      this text; runs nothing`

async function main(): Promise<number> {
  // The builds below run medusa commands too: no telemetry from them (see apps/backend/scripts/start.ts).
  process.env.MEDUSA_DISABLE_TELEMETRY = "true"
  const { env: databaseEnv, embedded } = await resolveTestDatabase((line) => console.log(`[test] ${line}`))
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...databaseEnv,
    // Medusa logs every migration of every test database; failures still show in full.
    LOG_LEVEL: process.env.LOG_LEVEL ?? "error",
    NODE_OPTIONS: [process.env.NODE_OPTIONS, "--experimental-vm-modules"].filter(Boolean).join(" "),
  }
  let passed = 0
  let failed = 0
  let skipped = 0
  try {
    const style = styleCheck()
    passed += style.passed
    failed += style.failed
    console.log(`[test] lint: ${style.passed} passed, ${style.failed} failed`)

    // The plugin imports the built client, the backend loads the built plugin, the backend's
    // tests start the simulator from its build, and the browser tests drive the built admin:
    // each built when stale, with the check and stamps `npm start` uses, so neither builds twice.
    await buildIfStale(ALL_TARGETS, BUILD_STAMP_FILE, (line) => console.log(`[test] ${line}`))

    const types = typecheck()
    passed += types.passed
    failed += types.failed
    console.log(`[test] typecheck: ${types.passed} passed, ${types.failed} failed`)

    const resultsDir = fs.mkdtempSync(path.join(os.tmpdir(), "shopee-connector-jest-"))
    for (const suite of SUITES) {
      console.log(`\n[test] ${suite}`)
      const result = await runSuite(suite, env, resultsDir)
      passed += result.passed
      failed += result.failed
      skipped += result.skipped
      console.log(`[test] ${suite}: ${result.passed} passed, ${result.failed} failed, ${result.skipped} skipped`)
    }

    console.log(`\n[test] fault suite (npm run test:faults)`)
    const faults = await runFaultSuite(env)
    passed += faults.passed
    failed += faults.failed
    skipped += faults.skipped
    console.log(`[test] fault suite: ${faults.passed} passed, ${faults.failed} failed, ${faults.skipped} skipped`)
  } finally {
    await embedded?.stop()
  }
  // On CI a skipped test is one that did not run where it must (Chromium missing, say): a failure.
  const skipFails = Boolean(process.env.CI) && skipped > 0
  if (skipFails) console.log(`\n[test] ${skipped} skipped on CI, where every test must run: the run fails`)
  console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`)
  return failed === 0 && passed > 0 && !skipFails ? 0 : 1
}

const args = process.argv.slice(2)
if (args.length > 0) {
  const help = args.length === 1 && (args[0] === "--help" || args[0] === "-h")
  if (!help) console.error(`[test] unknown arguments: ${args.join(" ")}\n`)
  ;(help ? console.log : console.error)(USAGE)
  process.exit(help ? 0 : 2)
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error)
    console.log("\n0 passed, 1 failed, 0 skipped")
    process.exit(1)
  }
)
