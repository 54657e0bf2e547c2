import { spawn, type ChildProcess } from "node:child_process"
import crypto from "node:crypto"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import pg from "pg"
import { ensureDatabase } from "../../../scripts/database-url"
import { findFreePort } from "../../../scripts/free-port"
import { CommandFailedError, run } from "../../../scripts/run-command"
import { waitForHttp } from "../../../scripts/wait-for-http"

const BACKEND = path.resolve(__dirname, "../../..")
const MEDUSA = path.resolve(BACKEND, "../../node_modules/.bin/medusa")
export const SCREENSHOTS_DIR = path.join(BACKEND, "test-results/screenshots")

export type AdminApi = <T = any>(method: string, route: string, body?: unknown) => Promise<{ status: number; data: T }>

export type AdminServer = {
  url: string
  /** The server's own database, for checking what it stored. */
  databaseUrl: string
  admin: { email: string; password: string }
  /** The admin API as the seeded admin, for setting up and checking state beside the browser. */
  api: AdminApi
  stop: () => Promise<void>
}

export type AdminServerOptions = {
  /** Where Medusa's output goes; default test-results/medusa-server.log. */
  logFile?: string
  /** Extra environment variables for Medusa (e.g. LOG_LEVEL), over the ones set here. */
  env?: Record<string, string>
}

/**
 * A real Medusa as `npm start` runs it, with the built admin (Medusa's integration test runner
 * disables the admin): a fresh database from DB_HOST/DB_PORT/DB_USERNAME/DB_PASSWORD, migrated
 * and seeded with the demo store and an admin user, then `medusa start` on a free port.
 * `stop()` ends the server and drops the database.
 */
export async function startAdminServer(options: AdminServerOptions = {}): Promise<AdminServer> {
  const databaseName = `shopee_browser_${process.pid}_${crypto.randomBytes(3).toString("hex")}`
  const databaseUrl = databaseUrlFor(databaseName)
  const port = await findFreePort()
  const url = `http://localhost:${port}`
  const admin = { email: "admin@shopee-connector.local", password: crypto.randomBytes(12).toString("base64url") }
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    // Production would make the session cookie Secure, which a plain-http server cannot set.
    NODE_ENV: "test",
    NODE_OPTIONS: "",
    JWT_SECRET: crypto.randomBytes(32).toString("hex"),
    COOKIE_SECRET: crypto.randomBytes(32).toString("hex"),
    SHOPEE_ENCRYPTION_KEY: crypto.randomBytes(32).toString("hex"),
    SHOPEE_PUBLIC_URL: url,
    ADMIN_CORS: url,
    AUTH_CORS: url,
    ADMIN_EMAIL: admin.email,
    ADMIN_PASSWORD: admin.password,
    MEDUSA_DISABLE_TELEMETRY: "true",
    ...options.env,
  }
  delete env.SHOPEE_PINNED_ENVIRONMENT
  delete env.REDIS_URL
  delete env.DISABLE_ADMIN

  let server: ChildProcess | undefined
  const stop = async () => {
    await stopProcess(server)
    await dropDatabase(databaseUrl)
  }
  try {
    await ensureDatabase(databaseUrl)
    await runShowingOutput([MEDUSA, "db:migrate"], { cwd: BACKEND, env })
    const seedResult = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "shopee-browser-")), "seed.json")
    await runShowingOutput([MEDUSA, "exec", "./src/scripts/seed.ts"], { cwd: BACKEND, env: { ...env, SEED_RESULT_FILE: seedResult } })
    fs.rmSync(path.dirname(seedResult), { recursive: true, force: true })

    const logFile = options.logFile ?? path.join(path.dirname(SCREENSHOTS_DIR), "medusa-server.log")
    fs.mkdirSync(path.dirname(logFile), { recursive: true })
    const log = fs.openSync(logFile, "w")
    server = spawn(MEDUSA, ["start"], { cwd: path.join(BACKEND, ".medusa/server"), env, stdio: ["ignore", log, log] })
    const exited = new Promise<never>((_, reject) =>
      server!.once("exit", (code) => reject(new Error(`medusa start exited with ${code}; see ${path.relative(BACKEND, logFile)}`)))
    )
    exited.catch(() => undefined)
    await Promise.race([waitForHttp(`${url}/health`, 120_000), exited])
    return { url, databaseUrl, admin, api: await adminApi(url, admin), stop }
  } catch (error) {
    await stop()
    throw error
  }
}

/** `run` keeps a command's output to itself; a failed setup step must show why it failed. */
async function runShowingOutput(command: string[], options: Parameters<typeof run>[1]): Promise<void> {
  try {
    await run(command, options)
  } catch (error) {
    if (error instanceof CommandFailedError) {
      throw new Error(`${error.message}:\n${error.output.slice(-4000)}`)
    }
    throw error
  }
}

function databaseUrlFor(name: string): string {
  const url = new URL("postgres://localhost")
  url.hostname = process.env.DB_HOST || "localhost"
  url.port = process.env.DB_PORT || "5432"
  url.username = process.env.DB_USERNAME || "postgres"
  url.password = process.env.DB_PASSWORD ?? ""
  url.pathname = `/${name}`
  return url.toString()
}

async function dropDatabase(databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl)
  const name = url.pathname.slice(1)
  url.pathname = "/postgres"
  const client = new pg.Client({ connectionString: url.toString() })
  await client.connect()
  try {
    await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`)
  } finally {
    await client.end()
  }
}

/** SIGTERM, then SIGKILL when the server has not exited within 10 s. */
async function stopProcess(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise((resolve) => child.once("exit", resolve))
  child.kill("SIGTERM")
  const timer = setTimeout(() => child.kill("SIGKILL"), 10_000)
  await exited
  clearTimeout(timer)
}

async function adminApi(url: string, admin: { email: string; password: string }): Promise<AdminApi> {
  const login = await fetch(`${url}/auth/user/emailpass`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(admin),
  })
  if (!login.ok) throw new Error(`The seeded admin cannot log in: ${login.status} ${await login.text()}`)
  const { token } = (await login.json()) as { token: string }
  return async (method, route, body) => {
    const response = await fetch(`${url}${route}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await response.text()
    return { status: response.status, data: text ? JSON.parse(text) : undefined }
  }
}
