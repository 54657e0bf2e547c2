import crypto from "node:crypto"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import pg from "pg"
import { findFreePort } from "./free-port"
import { startNpmStart } from "./npm-start-process"

const BACKEND = path.resolve(__dirname, "..")

export type AdminApi = <T = any>(method: string, route: string, body?: unknown) => Promise<{ status: number; data: T; headers: Headers }>

export type AdminServer = {
  url: string
  /** The simulator `npm start` runs beside Medusa. */
  sandboxUrl: string
  /** The server's own database, for checking what it stored. */
  databaseUrl: string
  /** Its SHOPEE_DATA_DIR (secrets.json holds the JWT_SECRET its Shopee secrets are encrypted with). */
  dataDir: string
  admin: { email: string; password: string }
  /** The admin API as the seeded admin, for setting up and checking state beside the browser. */
  api: AdminApi
  stop: () => Promise<void>
}

export type AdminServerOptions = {
  /** Where `npm start`'s output goes; default test-results/medusa-server.log. */
  logFile?: string
  /** Variables a user may set for `npm start` (e.g. LOG_LEVEL, SHOPEE_PUBLIC_URL), over the ones set here. */
  env?: Record<string, string>
  /** Flags after `npm start --` (start-options.ts), e.g. `--servers=2`. */
  args?: string[]
}

/**
 * The product as a person runs it: `npm start` itself (production mode, the built admin, the
 * simulator beside Medusa), with only these differences, each an option `npm start` documents:
 * - DATABASE_URL: a fresh database on the test PostgreSQL (DB_HOST/DB_PORT/DB_USERNAME/
 *   DB_PASSWORD), dropped by `stop()`, so that test files share nothing and leave nothing;
 * - SHOPEE_DATA_DIR: a fresh temporary folder, so a test never reads or changes the developer's
 *   own `.data` (secrets, simulator state);
 * - PORT and SHOPEE_SANDBOX_PORT: free ports, so tests can run beside a developer's `npm start`.
 * The admin login is the one `npm start` prints. `stop()` presses Ctrl-C and fails when anything
 * of the start is still running afterwards.
 */
export async function startAdminServer(options: AdminServerOptions = {}): Promise<AdminServer> {
  const databaseName = `shopee_browser_${process.pid}_${crypto.randomBytes(3).toString("hex")}`
  const databaseUrl = databaseUrlFor(databaseName)
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "shopee-npm-start-"))
  const logFile = options.logFile ?? path.join(BACKEND, "test-results/medusa-server.log")
  const started = await startNpmStart({
    logFile,
    args: options.args,
    env: {
      DATABASE_URL: databaseUrl,
      SHOPEE_DATA_DIR: dataDir,
      PORT: String(await findFreePort()),
      SHOPEE_SANDBOX_PORT: String(await findFreePort()),
      ...options.env,
    },
  }).catch(async (error) => {
    await dropDatabase(databaseUrl).catch(() => undefined)
    fs.rmSync(dataDir, { recursive: true, force: true })
    throw error
  })
  const stop = async () => {
    const { leftovers } = await started.stop()
    await dropDatabase(databaseUrl)
    fs.rmSync(dataDir, { recursive: true, force: true })
    if (leftovers.length > 0) throw new Error(`still running after Ctrl-C:\n${leftovers.join("\n")}`)
  }
  try {
    if (!started.admin) throw new Error("npm start on a fresh database printed no admin login")
    const api = await adminApi(started.url, started.admin)
    return { url: started.url, sandboxUrl: started.sandboxUrl, databaseUrl, dataDir, admin: started.admin, api, stop }
  } catch (error) {
    await stop().catch(() => undefined)
    throw error
  }
}

export function databaseUrlFor(name: string): string {
  const url = new URL("postgres://localhost")
  url.hostname = process.env.DB_HOST || "localhost"
  url.port = process.env.DB_PORT || "5432"
  url.username = process.env.DB_USERNAME || "postgres"
  url.password = process.env.DB_PASSWORD ?? ""
  url.pathname = `/${name}`
  return url.toString()
}

export async function dropDatabase(databaseUrl: string): Promise<void> {
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

export async function adminApi(url: string, admin: { email: string; password: string }): Promise<AdminApi> {
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
    return { status: response.status, data: text ? JSON.parse(text) : undefined, headers: response.headers }
  }
}
