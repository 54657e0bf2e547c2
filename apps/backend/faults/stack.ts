import { spawn, type ChildProcess } from "node:child_process"
import crypto from "node:crypto"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import {
  DEMO_PARTNER_ID,
  DEMO_PARTNER_KEY,
  DEMO_PUSH_PARTNER_KEY,
  DEMO_SHOP_ID,
  startSandbox,
  type RunningSandbox,
} from "@shopee-medusa/shopee-sandbox"
import { DEMO_PRODUCTS } from "../src/demo/demo-catalogue"
import { ensureDatabase } from "../scripts/database-url"
import { findFreePort } from "../scripts/free-port"
import { CommandFailedError, run } from "../scripts/run-command"
import { spawnCommand, WORKER_NICE } from "../scripts/start-options"
import { killOnExit, stopChild } from "../scripts/stop-child"
import { waitForHttp } from "../scripts/wait-for-http"
import type { FaultRedis } from "./redis"
import type { RunLog } from "./run-log"
import type { FaultStack, RecordedFetch, RecordedResponse } from "./scenario"
import { startScratchCluster } from "./scratch-cluster"

const BACKEND = path.resolve(__dirname, "..")
const ROOT = path.resolve(BACKEND, "../..")
const MEDUSA = path.join(ROOT, "node_modules/.bin/medusa")
const BUILT_SERVER = path.join(BACKEND, ".medusa/server")

/** The demo SKU the order scenarios sell: the one demo product meant to be sold many times. */
export const FAULT_SKU = "PKM-SV1-BB"
/** Copies of FAULT_SKU on both sides, so that no order of the run is an oversell. */
const STOCK = 100_000

/**
 * What a spawned Medusa process inherits from the suite's shell: a person's PATH and locale, none
 * of their own settings (REDIS_URL, DATABASE_URL, NODE_ENV…); the stack sets what it means to.
 */
const SHELL_VARIABLES = ["PATH", "HOME", "USER", "LOGNAME", "SHELL", "LANG", "LC_ALL", "TERM", "TMPDIR", "TZ", "CI"]

export type StackOptions = {
  runLog: RunLog
  recording: { fetch: RecordedFetch; responses: () => RecordedResponse[] }
  orders: number
  progress: (line: string) => void
}

export type RunningStack = {
  /** The stack as started: Medusa without Redis (in-process event bus and workflow engine, PostgreSQL locks). */
  stack: FaultStack
  /** Restarts the Medusa server and worker on the same database with REDIS_URL (event bus, workflow engine, locks, cache on Redis). */
  useRedis: (redis: FaultRedis) => Promise<FaultStack>
  stop: () => Promise<void>
}

/**
 * The stack `npm start` runs (the built app under `.medusa/server`, migrated and seeded with the
 * demo store, its sandbox profile pointed at the Shopee simulator, the shop authorized) in the
 * topology of `npm start -- --worker`, which is the point of the suite: Medusa runs as two
 * processes on one database, a `server` (HTTP: webhooks, admin) and a `worker` (subscribers,
 * workflows, scheduled jobs) under `nice`, as a production deployment does (MEDUSA_WORKER_MODE, see
 * src/worker-mode.ts), where plain `npm start` runs one `shared` process. The database is a
 * cluster of the suite's own (scratch-cluster.ts), so that a scenario may restart it; migrated and seeded once, it serves both passes (without Redis,
 * then with). The simulator runs in this process on loopback, retrying a failed push after seconds
 * instead of Shopee's minutes (PUSH_RETRY_SCHEDULE_MS). Expects the build to be current.
 */
export async function startStack(options: StackOptions): Promise<RunningStack> {
  const { runLog, progress } = options
  const cleanups: (() => Promise<void>)[] = []
  const children: ChildProcess[] = []
  // Once stopping has begun (a signal, while the main flow may be restarting Medusa on Redis or
  // starting the worker again), no Medusa is started, so every one running is in `children` now.
  let stopping: Promise<void> | undefined
  const stop = () =>
    (stopping ??= (async () => {
      await Promise.all(children.map((child) => stopChild(child)))
      for (const cleanup of cleanups.reverse()) await cleanup().catch((error) => progress(`cleanup: ${(error as Error).message}`))
    })())
  try {
    const scratch = await startScratchCluster(runLog.lines("postgres"))
    cleanups.push(() => scratch.remove())
    const databaseUrl = scratch.url("shopee_faults")
    await ensureDatabase(databaseUrl)

    const port = await findFreePort()
    const workerPort = await findFreePort()
    const medusaUrl = `http://127.0.0.1:${port}`
    const running = await startFaultSandbox(medusaUrl, options.orders)
    cleanups.push(() => running.close())

    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "shopee-faults-"))
    cleanups.push(async () => fs.rmSync(dataDir, { recursive: true, force: true }))
    // Two keys the server reads (a dedicated one, and the one derived from JWT_SECRET), so that
    // rotation-kill can move every secret from one to the other.
    const secrets = {
      JWT_SECRET: crypto.randomBytes(32).toString("hex"),
      COOKIE_SECRET: crypto.randomBytes(32).toString("hex"),
      SHOPEE_ENCRYPTION_KEY: crypto.randomBytes(32).toString("hex"),
    }
    const admin = { email: "faults@example.com", password: crypto.randomBytes(12).toString("hex") }
    const env: NodeJS.ProcessEnv = {
      ...Object.fromEntries(SHELL_VARIABLES.filter((name) => process.env[name] !== undefined).map((name) => [name, process.env[name]])),
      ...secrets,
      // As `npm start`: no telemetry sender forked by every medusa command.
      MEDUSA_DISABLE_TELEMETRY: "true",
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      SHOPEE_PUBLIC_URL: medusaUrl,
      ADMIN_CORS: medusaUrl,
      AUTH_CORS: medusaUrl,
      SHOPEE_ALLOWED_API_BASE_URLS: running.url,
      ...(process.env.LOG_LEVEL ? { LOG_LEVEL: process.env.LOG_LEVEL } : {}),
    }
    const command = async (source: string, args: string[], extra: NodeJS.ProcessEnv = {}) => {
      try {
        runLog.write(source, await run([MEDUSA, ...args], { cwd: BACKEND, env: { ...env, ...extra } }))
      } catch (error) {
        if (error instanceof CommandFailedError) runLog.write(source, error.output)
        throw error
      }
    }
    progress("migrating a fresh database…")
    await command("migrate", ["db:migrate"])
    progress("seeding the demo store…")
    await command("seed", ["exec", "./src/scripts/seed.ts"], {
      SEED_RESULT_FILE: path.join(dataDir, "seed-result.json"),
      ADMIN_EMAIL: admin.email,
      ADMIN_PASSWORD: admin.password,
      SHOPEE_DEMO_SANDBOX: JSON.stringify({
        url: running.url,
        shop_id: DEMO_SHOP_ID,
        partner_id: DEMO_PARTNER_ID,
        partner_key: DEMO_PARTNER_KEY,
        push_partner_key: DEMO_PUSH_PARTNER_KEY,
      }),
    })

    // As `npm start -- --worker`: a server and a worker, the worker niced so that an import takes
    // only the CPU the server leaves and pushes are acknowledged within Shopee's 3 s.
    let label = "main"
    let redisUrl: string | undefined
    const spawnMedusa = (mode: "server" | "worker", modePort: number) => {
      if (stopping) throw new Error(`the suite is stopping: the ${label} ${mode} was not started`)
      const { command, args } = spawnCommand(
        { name: mode, args: ["start"], env: {}, nice: mode === "worker" ? WORKER_NICE : 0 },
        MEDUSA,
        process.platform
      )
      const child = spawn(command, args, {
        cwd: BUILT_SERVER,
        env: { ...env, ...(redisUrl ? { REDIS_URL: redisUrl } : {}), MEDUSA_WORKER_MODE: mode, PORT: String(modePort) },
        stdio: ["ignore", "pipe", "pipe"],
      })
      const source = `${label}-${mode}`
      child.stdout!.on("data", (chunk: Buffer) => runLog.write(source, chunk.toString("utf8")))
      child.stderr!.on("data", (chunk: Buffer) => runLog.write(source, chunk.toString("utf8")))
      children.push(child)
      killOnExit(child)
      return child
    }
    let server: ChildProcess
    let worker: ChildProcess
    const startMedusa = async () => {
      progress(`${label}: starting the Medusa server and worker…`)
      server = spawnMedusa("server", port)
      worker = spawnMedusa("worker", workerPort)
      await Promise.all([waitForHttp(`${medusaUrl}/health`, 180_000), waitForHttp(`http://127.0.0.1:${workerPort}/health`, 180_000)])
    }
    await startMedusa()

    const token = await logIn(medusaUrl, admin)
    const adminHeaders = { authorization: `Bearer ${token}` }
    await connectShop(medusaUrl, running)
    await raiseMedusaStock(medusaUrl, adminHeaders, FAULT_SKU, STOCK)
    const publishableKey = await createPublishableKey(medusaUrl, adminHeaders)

    const describe = (): FaultStack => ({
      label,
      medusaUrl,
      sandboxUrl: running.url,
      databaseUrl,
      adminHeaders,
      publishableKey,
      pushUrl: `${medusaUrl}/connectors/shopee/webhook/sandbox`,
      fetch: options.recording.fetch,
      recordedResponses: options.recording.responses,
      plainSecrets: async () => [
        DEMO_PARTNER_KEY,
        DEMO_PUSH_PARTNER_KEY,
        secrets.JWT_SECRET,
        secrets.COOKIE_SECRET,
        secrets.SHOPEE_ENCRYPTION_KEY,
        admin.password,
        ...running.sandbox.state.access_tokens.flatMap((t) => [t.access_token, t.refresh_token]),
        ...running.sandbox.state.refresh_tokens.map((t) => t.refresh_token),
      ],
      backendDir: BACKEND,
      env,
      logText: () => runLog.text(),
      addLog: (source, text) => runLog.write(`${label}-${source}`, text),
      sandbox: running.sandbox,
      worker: {
        kill: async () => {
          if (worker.exitCode !== null || worker.signalCode !== null) return
          const exited = new Promise((resolve) => worker.once("exit", resolve))
          worker.kill("SIGKILL")
          await exited
        },
        start: async () => {
          worker = spawnMedusa("worker", workerPort)
          await waitForHttp(`http://127.0.0.1:${workerPort}/health`, 180_000)
        },
      },
      restartDatabase: (downMs) => scratch.restart(downMs),
      orders: options.orders,
    })
    const useRedis = async (redis: FaultRedis) => {
      await Promise.all([stopChild(server), stopChild(worker)])
      label = "redis"
      redisUrl = redis.url
      await startMedusa()
      return describe()
    }
    return { stack: describe(), useRedis, stop }
  } catch (error) {
    await stop()
    throw error
  }
}

/**
 * When the simulator sends a failed push again: Shopee's 5 min, 30 min and 3 h, shortened to fit a
 * bounded run, but with each retry still later than an outage (postgres-restart's 6 s) and than the
 * gap between two bursts. Shopee's subscription rule (under 30 % success over more than 600
 * attempts in 6 hours) is not shortened: retries sooner than that (1 s, 3 s, as this suite had)
 * turn each push refused during an outage into three failures, where at Shopee it is one, and
 * suspend a subscription that Shopee would keep.
 */
const PUSH_RETRY_SCHEDULE_MS = [10_000, 30_000, 90_000]

/** The demo partner and shop, the shop's booster box stocked for the whole run, pushing to the stack's webhook. */
async function startFaultSandbox(medusaUrl: string, orders: number): Promise<RunningSandbox> {
  return startSandbox({
    host: "127.0.0.1",
    pushSchedule: PUSH_RETRY_SCHEDULE_MS,
    partners: [
      {
        partner_id: DEMO_PARTNER_ID,
        partner_key: DEMO_PARTNER_KEY,
        push_partner_key: DEMO_PUSH_PARTNER_KEY,
        name: "Card Vault connector",
        callback_url: `${medusaUrl}/connectors/shopee/webhook/sandbox`,
      },
    ],
    shops: [
      {
        shop_id: DEMO_SHOP_ID,
        shop_name: "Card Vault on Shopee",
        region: "SG",
        items: DEMO_PRODUCTS.flatMap((product) =>
          product.variants.map((variant) => ({
            item_name: product.variants.length > 1 ? `${product.title} (${variant.title})` : product.title,
            item_sku: variant.sku,
            price: variant.price,
            stock: variant.sku === FAULT_SKU ? Math.max(STOCK, orders * 10) : variant.stock,
          }))
        ),
      },
    ],
  })
}

async function logIn(medusaUrl: string, admin: { email: string; password: string }): Promise<string> {
  const response = await fetch(`${medusaUrl}/auth/user/emailpass`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(admin),
  })
  if (!response.ok) throw new Error(`The seeded admin cannot log in: ${response.status}`)
  return ((await response.json()) as { token: string }).token
}

/** As a merchant connects a shop: an authorization code from the simulator, then the OAuth callback. */
async function connectShop(medusaUrl: string, running: RunningSandbox): Promise<void> {
  const codeResponse = await fetch(`${running.url}/_control/auth_code`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ partner_id: DEMO_PARTNER_ID, shop_id: DEMO_SHOP_ID }),
  })
  const { code } = (await codeResponse.json()) as { code: string }
  const callback = await fetch(`${medusaUrl}/connectors/shopee/oauth/callback/sandbox?code=${code}&shop_id=${DEMO_SHOP_ID}`, {
    redirect: "manual",
  })
  const location = callback.headers.get("location") ?? ""
  if (!location.includes("status=ok")) throw new Error(`Connecting the simulator's shop failed: ${callback.status} ${location}`)
}

/** The SKU's stocked quantity at each of its locations, through the admin API. */
async function raiseMedusaStock(medusaUrl: string, headers: Record<string, string>, sku: string, quantity: number): Promise<void> {
  const list = await fetch(`${medusaUrl}/admin/inventory-items?sku=${encodeURIComponent(sku)}&fields=id,*location_levels`, { headers })
  const { inventory_items } = (await list.json()) as { inventory_items: { id: string; location_levels: { location_id: string }[] }[] }
  const item = inventory_items?.[0]
  if (!item?.location_levels?.length) throw new Error(`No inventory level for ${sku}: ${list.status}`)
  for (const level of item.location_levels) {
    const update = await fetch(`${medusaUrl}/admin/inventory-items/${item.id}/location-levels/${level.location_id}`, {
      method: "POST",
      headers: { ...headers, "content-type": "application/json" },
      body: JSON.stringify({ stocked_quantity: quantity }),
    })
    if (update.status !== 200) throw new Error(`Raising the stock of ${sku} failed: ${update.status}`)
  }
}

async function createPublishableKey(medusaUrl: string, headers: Record<string, string>): Promise<string> {
  const response = await fetch(`${medusaUrl}/admin/api-keys`, {
    method: "POST",
    headers: { ...headers, "content-type": "application/json" },
    body: JSON.stringify({ title: "Fault suite storefront", type: "publishable" }),
  })
  if (response.status !== 200) throw new Error(`Creating a publishable key failed: ${response.status}`)
  return ((await response.json()) as { api_key: { token: string } }).api_key.token
}
