/**
 * `npm run release`: builds, tests and packs what would be published (`@shopee-medusa/shopee-client`
 * and `medusa-plugin-shopee`), and never publishes. The tests are the two packages' own suites and
 * the install test, which installs these very builds into a fresh Medusa app and checks each
 * CHANGELOG has an entry for the version. The tarballs land in artifacts/release/.
 */
import { spawn } from "node:child_process"
import fs from "node:fs"
import path from "node:path"
import { resolveTestDatabase } from "../apps/backend/scripts/test-database"
import { buildIfStale } from "../apps/backend/scripts/build-if-stale"
import { ALL_TARGETS, BUILD_STAMP_FILE } from "../apps/backend/scripts/build-targets"
import { packPackages } from "../integration-tests/install/pack-packages"

const ROOT = path.resolve(__dirname, "..")
const JEST = path.join(ROOT, "node_modules/.bin/jest")
const OUTPUT = path.join(ROOT, "artifacts/release")
const SUITES = ["packages/shopee-client", "packages/medusa-plugin-shopee", "integration-tests/install"]

const log = (line: string) => console.log(`[release] ${line}`)

function runJest(suite: string, env: NodeJS.ProcessEnv): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn(JEST, ["--runInBand", "--forceExit"], { cwd: path.join(ROOT, suite), env, stdio: "inherit" })
    child.on("close", resolve)
  })
}

async function main(): Promise<number> {
  process.env.MEDUSA_DISABLE_TELEMETRY = "true"
  const { env: databaseEnv, embedded } = await resolveTestDatabase(log)
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...databaseEnv,
    LOG_LEVEL: process.env.LOG_LEVEL ?? "error",
    NODE_OPTIONS: [process.env.NODE_OPTIONS, "--experimental-vm-modules"].filter(Boolean).join(" "),
  }
  try {
    // The simulator is built too: the client's tests and the install test run it.
    await buildIfStale(
      ALL_TARGETS.filter((target) => target.name !== "backend"),
      BUILD_STAMP_FILE,
      log
    )
    for (const suite of SUITES) {
      log(`testing ${suite}`)
      const exitCode = await runJest(suite, env)
      if (exitCode !== 0) {
        log(`${suite} failed (exit ${exitCode}): nothing packed`)
        return 1
      }
    }
  } finally {
    await embedded?.stop()
  }
  fs.rmSync(OUTPUT, { recursive: true, force: true })
  fs.mkdirSync(OUTPUT, { recursive: true })
  const { client, plugin } = packPackages(OUTPUT)
  log(`packed ${client.name}@${client.version}: ${path.relative(ROOT, client.tarball)}`)
  log(`packed ${plugin.name}@${plugin.version}: ${path.relative(ROOT, plugin.tarball)}`)
  log("not published; to publish, the client first:")
  log(`  npm publish ${path.relative(ROOT, client.tarball)} && npm publish ${path.relative(ROOT, plugin.tarball)}`)
  return 0
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error)
    process.exit(1)
  }
)
