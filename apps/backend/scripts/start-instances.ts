/**
 * `npm start -- --instances sandbox,live`: a staging instance pinned to sandbox and a production
 * instance pinned to live, side by side on one machine. Each has its own port, database, secrets
 * (so its own encrypted tokens), simulator and push stream; each admin links to the other. What
 * a plain `npm start` does for one store (build, embedded PostgreSQL or DATABASE_URL, migrate,
 * seed, start, Ctrl-C stops all) is done here for each; instances-option.ts decides the layout.
 */
import { spawn, type ChildProcess } from "node:child_process"
import fs from "node:fs"
import path from "node:path"
import { buildIfStale } from "./build-if-stale"
import { ALL_TARGETS, BUILD_STAMP_FILE } from "./build-targets"
import { ensureDatabase, maskDatabaseUrl } from "./database-url"
import { startDemoSandbox, type DemoSandbox } from "./demo-sandbox"
import { startEmbeddedDatabase, type EmbeddedDatabase } from "./embedded-database"
import { isPortTaken } from "./free-port"
import { InstancesOptionError, planInstances, type InstanceEnvironment, type InstancePlan } from "./instances-option"
import { loadOrCreateLocalSecrets } from "./local-secrets"
import { run } from "./run-command"
import { stopChild } from "./stop-child"
import { waitForHttp } from "./wait-for-http"

const ROOT = path.resolve(__dirname, "../../..")
const BACKEND = path.join(ROOT, "apps/backend")
const DATA_DIR = path.resolve(ROOT, process.env.SHOPEE_DATA_DIR || ".data")
const MEDUSA = path.join(ROOT, "node_modules/.bin/medusa")

/** How each instance is named in the output and its admin: what it is for, then what it serves. */
export const INSTANCE_TITLES: Record<InstanceEnvironment, string> = {
  sandbox: "Staging, pinned to sandbox",
  live: "Production, pinned to live",
}

const log = (line: string) => console.log(`[start] ${line}`)

type Running = { plan: InstancePlan; databaseUrl: string; dataDir: string; simulator?: DemoSandbox; medusa?: ChildProcess }

/** Resolves once every instance answers; errors are the ones `npm start` prints as one line. */
export async function startInstances(environments: InstanceEnvironment[]): Promise<void> {
  process.env.MEDUSA_DISABLE_TELEMETRY = "true"
  const plans = planInstances(environments, process.env)
  for (const plan of plans) {
    if (await isPortTaken(plan.port)) {
      throw new InstancesOptionError(
        `Port ${plan.port} (the ${plan.environment} instance) is already in use; free it or set PORT to another base port.`
      )
    }
    if (await isPortTaken(plan.simulatorPort)) {
      throw new InstancesOptionError(
        `Port ${plan.simulatorPort} (the ${plan.environment} simulator) is already in use; free it or set SHOPEE_SANDBOX_PORT to another base port.`
      )
    }
  }

  let embedded: EmbeddedDatabase | undefined
  if (plans.some((plan) => !plan.databaseUrl)) {
    log(`database: starting the embedded PostgreSQL (data in ${path.join(DATA_DIR, "postgres")})…`)
    embedded = await startEmbeddedDatabase({ dataDir: path.join(DATA_DIR, "postgres"), persistent: true })
  }
  const instances: Running[] = plans.map((plan) => ({
    plan,
    databaseUrl: plan.databaseUrl ?? embedded!.url(plan.embeddedDatabaseName),
    // Secrets (which encrypt the instance's Shopee tokens) and simulator state, one folder each.
    dataDir: path.join(DATA_DIR, "instances", plan.environment),
  }))

  let stopping: Promise<void> | undefined
  const stopAll = () =>
    (stopping ??= (async () => {
      await Promise.all(instances.map((instance) => (instance.medusa ? stopChild(instance.medusa) : undefined)))
      await Promise.all(instances.map((instance) => instance.simulator?.close().catch(() => undefined)))
      await embedded?.stop().catch(() => undefined)
    })())
  process.once("SIGINT", () => void stopAll().then(() => process.exit(130)))
  process.once("SIGTERM", () => void stopAll().then(() => process.exit(143)))

  try {
    for (const instance of instances) {
      log(`${instance.plan.environment} database: ${maskDatabaseUrl(instance.databaseUrl)}`)
      await ensureDatabase(instance.databaseUrl)
    }
    await buildIfStale(ALL_TARGETS, BUILD_STAMP_FILE, log)
    const logins = []
    for (const instance of instances) {
      logins.push(await prepare(instance))
    }
    for (const instance of instances) {
      instance.medusa = launch(instance, () => {
        if (!stopping) void stopAll().then(() => process.exit(1))
      })
    }
    for (const instance of instances) {
      await waitForHttp(`${instance.plan.url}/health`, 180_000)
    }
    printBanner(instances, logins)
  } catch (error) {
    await stopAll()
    throw error
  }
}

type Login = { email: string; password?: string }

/** The simulator, then migrations and the seed (demo store, admin user, the profile pointed at the simulator). */
async function prepare(instance: Running): Promise<Login> {
  const { plan } = instance
  fs.mkdirSync(instance.dataDir, { recursive: true })
  instance.simulator = await startDemoSandbox({
    port: plan.simulatorPort,
    dataDir: instance.dataDir,
    medusaUrl: plan.url,
    environment: plan.environment,
  })
  log(`${plan.environment} simulator: ${instance.simulator.url}`)
  const env = instanceEnv(instance)
  log(`${plan.environment}: migrating…`)
  await run([MEDUSA, "db:migrate"], { cwd: BACKEND, env })
  const seedResultFile = path.join(instance.dataDir, "seed-result.json")
  await run([MEDUSA, "exec", "./src/scripts/seed.ts"], {
    cwd: BACKEND,
    env: {
      ...env,
      SEED_RESULT_FILE: seedResultFile,
      SHOPEE_DEMO_SANDBOX: JSON.stringify({
        url: instance.simulator.url,
        shop_id: instance.simulator.shop_id,
        ...instance.simulator.partner,
        environment: plan.environment,
      }),
    },
  })
  const seed = JSON.parse(fs.readFileSync(seedResultFile, "utf8"))
  fs.rmSync(seedResultFile)
  log(`${plan.environment}: ${seed.store.seeded ? "demo store seeded" : "demo store already seeded"}`)
  return seed.admin.created ? { email: seed.admin.email, password: seed.admin.password } : { email: seed.admin.email }
}

/** What a plain `npm start` gives its Medusa, per instance, plus the pin and the other instance's URL. */
function instanceEnv(instance: Running): NodeJS.ProcessEnv {
  const { plan } = instance
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...loadOrCreateLocalSecrets(instance.dataDir),
    DATABASE_URL: instance.databaseUrl,
    PORT: String(plan.port),
    SHOPEE_PUBLIC_URL: plan.publicUrl,
    ADMIN_CORS: process.env.ADMIN_CORS ?? plan.url,
    AUTH_CORS: process.env.AUTH_CORS ?? plan.url,
    SHOPEE_ALLOWED_API_BASE_URLS: [process.env.SHOPEE_ALLOWED_API_BASE_URLS, instance.simulator!.url].filter(Boolean).join(","),
    SHOPEE_PINNED_ENVIRONMENT: plan.environment,
    SHOPEE_OTHER_INSTANCE_URL: plan.otherInstanceUrl ?? "",
  }
  delete env.REDIS_URL
  if (plan.redisUrl) env.REDIS_URL = plan.redisUrl
  return env
}

/** `medusa start` for one instance; its output prefixed with the environment, since two Medusas share the terminal. */
function launch(instance: Running, onOwnExit: () => void): ChildProcess {
  const { plan } = instance
  log(`${plan.environment}: starting Medusa on port ${plan.port}…`)
  const child = spawn(MEDUSA, ["start"], {
    cwd: path.join(BACKEND, ".medusa/server"),
    env: instanceEnv(instance),
    stdio: ["ignore", "pipe", "pipe"],
  })
  for (const [stream, target] of [
    [child.stdout!, process.stdout],
    [child.stderr!, process.stderr],
  ] as const) {
    let pending = ""
    stream.on("data", (chunk: Buffer) => {
      const lines = (pending + chunk.toString("utf8")).split("\n")
      pending = lines.pop() ?? ""
      for (const line of lines) target.write(`[${plan.environment}] ${line}\n`)
    })
  }
  child.on("exit", (code) => {
    if (code !== null && code !== 0) {
      log(`${plan.environment}: Medusa exited with ${code}`)
      onOwnExit()
    }
  })
  return child
}

function printBanner(instances: Running[], logins: Login[]): void {
  console.log("")
  instances.forEach((instance, index) => {
    const { plan } = instance
    const login = logins[index]
    console.log(`  ${INSTANCE_TITLES[plan.environment]}:`)
    console.log(`    Medusa admin:     ${plan.url}/app`)
    console.log(`    Shopee page:      ${plan.url}/app/shopee`)
    console.log(
      `    Shopee simulator: ${instance.simulator!.url}/console   ${
        plan.environment === "live"
          ? "(stands in for live Shopee: authorize the shop, create orders)"
          : "(authorize the shop, create orders)"
      }`
    )
    console.log(
      login.password
        ? `    Admin login:      ${login.email} / ${login.password}   (shown this once)`
        : `    Admin login:      ${login.email} (password shown at the first start)`
    )
  })
  console.log("  Stop with Ctrl-C.")
  console.log("")
}
