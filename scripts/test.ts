/**
 * `npm test`: every test of every package, unit to browser, on a real PostgreSQL. Uses the
 * server named by DB_HOST/DB_PORT/DB_USERNAME/DB_PASSWORD (default: localhost:5432, user
 * postgres) and starts the embedded PostgreSQL when none answers. Ends with the line
 * `N passed, N failed` that CI reads.
 */
import { spawn } from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { resolveTestDatabase } from "../apps/backend/scripts/test-database"
import { run } from "../apps/backend/scripts/run-command"
import { ensureBackendBuild } from "../apps/backend/integration-tests/browser/harness/backend-build"

const ROOT = path.resolve(__dirname, "..")
const JEST = path.join(ROOT, "node_modules/.bin/jest")
const MEDUSA = path.join(ROOT, "node_modules/.bin/medusa")

/** In dependency order: a failure early on still lets the later suites report. */
const SUITES = [
  "packages/shopee-client",
  "packages/shopee-sandbox",
  "packages/medusa-plugin-shopee",
  "apps/backend",
]

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

function runJest(suite: string, env: NodeJS.ProcessEnv, outputFile: string): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn(JEST, ["--runInBand", "--forceExit", "--json", `--outputFile=${outputFile}`], {
      cwd: path.join(ROOT, suite),
      env,
      stdio: "inherit",
    })
    child.on("close", resolve)
  })
}

async function main(): Promise<number> {
  const { env: databaseEnv, embedded } = await resolveTestDatabase((line) => console.log(`[test] ${line}`))
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...databaseEnv,
    MEDUSA_DISABLE_TELEMETRY: "true",
    // Medusa logs every migration of every test database; failures still show in full.
    LOG_LEVEL: process.env.LOG_LEVEL ?? "error",
    NODE_OPTIONS: [process.env.NODE_OPTIONS, "--experimental-vm-modules"].filter(Boolean).join(" "),
  }
  let passed = 0
  let failed = 0
  try {
    // The plugin imports the built client, and the backend loads the built plugin.
    // The backend's tests start the simulator from its build, as `npm start` does.
    console.log("[test] building shopee-client, shopee-sandbox and the plugin")
    await run(["npm", "run", "build"], { cwd: path.join(ROOT, "packages/shopee-client"), env, inherit: true })
    await run(["npm", "run", "build"], { cwd: path.join(ROOT, "packages/shopee-sandbox"), env, inherit: true })
    await run([MEDUSA, "plugin:build"], { cwd: path.join(ROOT, "packages/medusa-plugin-shopee"), env, inherit: true })
    // The browser tests drive the built admin, which bundles the plugin's pages: rebuilt only when stale.
    await ensureBackendBuild((line) => console.log(`[test] ${line}`))

    const resultsDir = fs.mkdtempSync(path.join(os.tmpdir(), "shopee-connector-jest-"))
    for (const suite of SUITES) {
      console.log(`\n[test] ${suite}`)
      const outputFile = path.join(resultsDir, `${path.basename(suite)}.json`)
      const exitCode = await runJest(suite, env, outputFile)
      if (!fs.existsSync(outputFile)) {
        console.log(`[test] ${suite}: jest exited with ${exitCode} and reported nothing`)
        failed += 1
        continue
      }
      const summary = JSON.parse(fs.readFileSync(outputFile, "utf8")) as JestSummary
      passed += summary.numPassedTests
      const suiteFailures = countFailures(summary)
      failed += suiteFailures
      console.log(`[test] ${suite}: ${summary.numPassedTests} passed, ${suiteFailures} failed, ${summary.numPendingTests} skipped`)
    }
  } finally {
    await embedded?.stop()
  }
  console.log(`\n${passed} passed, ${failed} failed`)
  return failed === 0 && passed > 0 ? 0 : 1
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error)
    console.log("\n0 passed, 1 failed")
    process.exit(1)
  }
)
