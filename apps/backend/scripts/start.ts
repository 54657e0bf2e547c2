/**
 * `npm start`: everything a newcomer needs on one machine. Builds what is out of date, brings
 * up PostgreSQL (DATABASE_URL, else an embedded one under .data/), migrates, seeds the demo
 * store and an admin user once, starts Medusa and prints where to go. Ctrl-C stops all of it.
 * `npm start -- --worker` splits a server and a worker process, `--servers=N` runs N servers on
 * the one port (start-options.ts).
 */
import { spawn, type ChildProcess } from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { buildIfStale } from "./build-if-stale"
import { ALL_TARGETS, BUILD_STAMP_FILE } from "./build-targets"
import { DatabaseUnreachableError, ensureDatabase, maskDatabaseUrl } from "./database-url"
import { EmbeddedDatabaseError, startEmbeddedDatabase, type EmbeddedDatabase } from "./embedded-database"
import { findFreePort, isPortTaken } from "./free-port"
import { instancesArgument, InstancesOptionError } from "./instances-option"
import { loadOrCreateLocalSecrets } from "./local-secrets"
import { CommandFailedError, run } from "./run-command"
import { startDemoSandbox, type DemoSandbox } from "./demo-sandbox"
import { startInstances } from "./start-instances"
import { medusaProcesses, parseStartOptions, spawnCommand, StartOptionError } from "./start-options"
import { stopChild } from "./stop-child"
import { waitForHttp } from "./wait-for-http"

const ROOT = path.resolve(__dirname, "../../..")
const BACKEND = path.join(ROOT, "apps/backend")
/** Everything a start keeps (database, secrets, simulator state); SHOPEE_DATA_DIR moves it. */
const DATA_DIR = path.resolve(ROOT, process.env.SHOPEE_DATA_DIR || ".data")
const MEDUSA = path.join(ROOT, "node_modules/.bin/medusa")
const DATABASE_NAME = "medusa_shopee"

const log = (line: string) => console.log(`[start] ${line}`)

async function main(): Promise<void> {
  // `npm start -- --instances sandbox,live`: a staging and a production instance side by side.
  const instances = instancesArgument(process.argv.slice(2))
  if (instances) {
    // Each instance is one process; splitting them into servers and a worker is not built yet.
    if (process.argv.slice(2).some((argument) => argument === "--worker" || argument.startsWith("--servers"))) {
      throw new StartOptionError("--instances starts one Medusa process per instance; --worker and --servers apply to a single store")
    }
    return startInstances(instances)
  }
  // Every medusa command queues telemetry and, when it exits, forks a detached sender that
  // outlives Ctrl-C (and waits on a network a demo machine may not reach). Off for all of them,
  // builds included.
  process.env.MEDUSA_DISABLE_TELEMETRY = "true"
  const topology = parseStartOptions(process.argv.slice(2), os.cpus().length)
  const port = Number(process.env.PORT ?? 9000)
  if (!Number.isInteger(port) || port <= 0 || port > 65535) {
    throw new StartError(`PORT must be a port number (got "${process.env.PORT}")`)
  }
  if (await isPortTaken(port)) {
    throw new StartError(`Port ${port} is already in use; free it or set PORT to another port.`)
  }
  const sandboxPort = Number(process.env.SHOPEE_SANDBOX_PORT ?? 9100)
  if (!Number.isInteger(sandboxPort) || sandboxPort <= 0 || sandboxPort > 65535) {
    throw new StartError(`SHOPEE_SANDBOX_PORT must be a port number (got "${process.env.SHOPEE_SANDBOX_PORT}")`)
  }
  if (await isPortTaken(sandboxPort)) {
    throw new StartError(`Port ${sandboxPort} (the Shopee sandbox) is already in use; free it or set SHOPEE_SANDBOX_PORT.`)
  }
  const medusaUrl = `http://localhost:${port}`

  let embedded: EmbeddedDatabase | undefined
  let databaseUrl = process.env.DATABASE_URL
  if (databaseUrl) {
    log(`database: ${maskDatabaseUrl(databaseUrl)}`)
  } else {
    log(`database: starting the embedded PostgreSQL (data in ${shortPath(path.join(DATA_DIR, "postgres"))})…`)
    embedded = await startEmbeddedDatabase({ dataDir: path.join(DATA_DIR, "postgres"), persistent: true })
    databaseUrl = embedded.url(DATABASE_NAME)
  }
  const children: ChildProcess[] = []
  let sandbox: DemoSandbox | undefined
  // Medusa is stopped before the database it is connected to, and waited for, so that Ctrl-C
  // leaves nothing running behind the launcher.
  let stopping: Promise<void> | undefined
  const stopAll = () =>
    (stopping ??= (async () => {
      await Promise.all(children.map((child) => stopChild(child, (signal) => signalWithForks(child, signal))))
      await sandbox?.close().catch(() => undefined)
      await embedded?.stop().catch(() => undefined)
    })())
  process.once("SIGINT", () => void stopAll().then(() => process.exit(130)))
  process.once("SIGTERM", () => void stopAll().then(() => process.exit(143)))

  try {
    await ensureDatabase(databaseUrl)
    await buildIfStale(ALL_TARGETS, BUILD_STAMP_FILE, log)

    sandbox = await startDemoSandbox({ port: sandboxPort, dataDir: DATA_DIR, medusaUrl })
    log(`Shopee sandbox: ${sandbox.url}`)
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ...loadOrCreateLocalSecrets(DATA_DIR),
      ...pickDefined(process.env, ["JWT_SECRET", "COOKIE_SECRET"]),
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      SHOPEE_PUBLIC_URL: process.env.SHOPEE_PUBLIC_URL ?? medusaUrl,
      // The admin is served from Medusa itself, on whatever PORT this start uses.
      ADMIN_CORS: process.env.ADMIN_CORS ?? medusaUrl,
      AUTH_CORS: process.env.AUTH_CORS ?? medusaUrl,
      // The demo profile talks to the simulator beside it, which is no Shopee host.
      SHOPEE_ALLOWED_API_BASE_URLS: [process.env.SHOPEE_ALLOWED_API_BASE_URLS, sandbox.url].filter(Boolean).join(","),
    }
    log("migrating…")
    await run([MEDUSA, "db:migrate"], { cwd: BACKEND, env })
    const seedResultFile = path.join(DATA_DIR, "seed-result.json")
    await run([MEDUSA, "exec", "./src/scripts/seed.ts"], {
      cwd: BACKEND,
      env: {
        ...env,
        SEED_RESULT_FILE: seedResultFile,
        // The sandbox profile is pointed at the simulator, unless someone already filled it in.
        SHOPEE_DEMO_SANDBOX: JSON.stringify({ url: sandbox.url, shop_id: sandbox.shop_id, ...sandbox.partner }),
      },
    })
    const seed = JSON.parse(fs.readFileSync(seedResultFile, "utf8"))
    fs.rmSync(seedResultFile)
    log(seed.store.seeded ? "demo store seeded" : "demo store already seeded")

    const workerPort = topology.worker ? await findFreePort() : 0
    for (const medusaProcess of medusaProcesses(topology, workerPort)) {
      const { name, env: extra } = medusaProcess
      log(`starting ${name}${medusaProcess.nice ? ` (nice ${medusaProcess.nice})` : ""}…`)
      const { command, args } = spawnCommand(medusaProcess, MEDUSA, process.platform)
      const medusa = spawn(command, args, { cwd: path.join(BACKEND, ".medusa/server"), env: { ...env, ...extra }, stdio: "inherit" })
      children.push(medusa)
      medusa.on("exit", (code) => {
        // Stopping ends it too; only an exit of its own is a failure.
        if (!stopping && code !== null && code !== 0) {
          log(`${name} exited with ${code}`)
          void stopAll().then(() => process.exit(1))
        }
      })
    }
    if (topology.worker) await waitForHttp(`http://localhost:${workerPort}/health`, 120_000)
    await waitForHttp(`http://localhost:${port}/health`, 120_000)

    console.log("")
    console.log(`  Medusa admin:   http://localhost:${port}/app`)
    console.log(`  Shopee page:    http://localhost:${port}/app/shopee`)
    console.log(`  Shopee sandbox: ${sandbox.url}/console   (seller console: authorize the shop, create orders)`)
    if (seed.admin.created) {
      console.log(`  Admin login:    ${seed.admin.email} / ${seed.admin.password}   (shown this once)`)
    } else {
      console.log(`  Admin login:    ${seed.admin.email} (password shown at the first start)`)
    }
    if (topology.worker) {
      const servers = topology.servers > 1 ? `${topology.servers} server processes` : "a server process"
      console.log(`  Processes:      ${servers} on port ${port}, a worker (health on port ${workerPort})`)
    }
    console.log("  Stop with Ctrl-C.")
    console.log("")
  } catch (error) {
    await stopAll()
    throw error
  }
}

/** Relative to the repository when inside it, as the README shows it. */
function shortPath(target: string): string {
  const relative = path.relative(ROOT, target)
  return relative.startsWith("..") ? target : relative
}

/**
 * The child and the processes it forked: the primary of Medusa's cluster only waits for its
 * forks to exit, so they are signalled too (a Ctrl-C in the terminal reaches them all anyway).
 */
function signalWithForks(child: ChildProcess, signal: NodeJS.Signals): void {
  for (const pid of [...childPids(child.pid!), child.pid!]) {
    try {
      process.kill(pid, signal)
    } catch {
      // Already gone.
    }
  }
}

/** Processes whose parent is `parent`, from /proc (Linux; elsewhere none are found). */
function childPids(parent: number): number[] {
  let entries: string[] = []
  try {
    entries = fs.readdirSync("/proc").filter((entry) => /^\d+$/.test(entry))
  } catch {
    return []
  }
  return entries.map(Number).filter((pid) => {
    try {
      // The parent is the 4th field, after the command name in parentheses.
      return Number(fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ")[1]) === parent
    } catch {
      return false
    }
  })
}

function pickDefined(env: NodeJS.ProcessEnv, keys: string[]): NodeJS.ProcessEnv {
  return Object.fromEntries(keys.filter((key) => env[key]).map((key) => [key, env[key]]))
}

class StartError extends Error {}

main().catch((error) => {
  if (
    error instanceof StartError ||
    error instanceof InstancesOptionError ||
    error instanceof StartOptionError ||
    error instanceof DatabaseUnreachableError ||
    error instanceof EmbeddedDatabaseError
  ) {
    console.error(`[start] ${error.message}`)
  } else if (error instanceof CommandFailedError) {
    console.error(error.output)
    console.error(`[start] ${error.message}`)
  } else {
    console.error(error)
  }
  process.exit(1)
})
