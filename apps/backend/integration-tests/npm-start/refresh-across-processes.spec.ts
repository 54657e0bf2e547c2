import { spawn } from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import pg from "pg"
import { startAdminServer, type AdminServer } from "../../scripts/admin-server"

/**
 * Shopee's refresh token is single-use: two processes refreshing one shop's token at once lose
 * the shop. Without Redis, the app's locks go through PostgreSQL, so processes on one database
 * (a server and a worker, two servers) exclude each other. Shown across real processes: the
 * store from `npm start` (with the simulator beside it), and two more processes on its database
 * that each make concurrent calls with the expired token at the same moment.
 */
const BACKEND = path.resolve(__dirname, "../..")
const MEDUSA = path.resolve(BACKEND, "../../node_modules/.bin/medusa")
const PROCESSES = 2
const CALLS_PER_PROCESS = 10

let server: AdminServer | undefined
let sql: pg.Client | undefined

beforeAll(
  async () => {
    server = await startAdminServer()
    sql = new pg.Client({ connectionString: server.databaseUrl })
    await sql.connect()
  },
  10 * 60 * 1000
)

afterAll(async () => {
  await sql?.end()
  await server?.stop()
}, 60 * 1000)

/** Connect, as the admin's button and the simulator's authorization page do it. */
async function connectDemoShop(): Promise<void> {
  const link = await server!.api<{ url: string }>("POST", "/admin/shopee/connect?env=sandbox")
  expect(link.status).toEqual(200)
  const page = await (await fetch(link.data.url)).text()
  const requestId = /name="request_id" value="([^"]+)"/.exec(page)?.[1]
  const subject = /name="subject" value="(shop:\d+)"/.exec(page)?.[1]
  expect(requestId && subject).toBeTruthy()
  const approved = await fetch(`${server!.sandboxUrl}/console/authorize`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ request_id: requestId!, subject: subject! }).toString(),
  })
  // The state is bound to the browser that asked for the link, by the cookie the link came with.
  const cookie = link.headers.get("set-cookie")!.split(";")[0]
  const callback = await fetch(approved.headers.get("location")!, { redirect: "manual", headers: { cookie } })
  expect(callback.headers.get("location")).toContain("status=ok")
}

type Caller = { ready: Promise<void>; done: Promise<{ succeeded: number; failures: string[] }> }

/** `medusa exec` of the fixture on the store's database, with the store's secrets and settings. */
function startCaller(goFile: string): Caller {
  const secrets = JSON.parse(fs.readFileSync(path.join(server!.dataDir, "secrets.json"), "utf8"))
  const child = spawn(MEDUSA, ["exec", "./integration-tests/npm-start/fixtures/call-shop-api.ts"], {
    cwd: BACKEND,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      DATABASE_URL: server!.databaseUrl,
      JWT_SECRET: secrets.JWT_SECRET,
      COOKIE_SECRET: secrets.COOKIE_SECRET,
      SHOPEE_PUBLIC_URL: server!.url,
      // What `npm start` gives its Medusa too: the demo profile talks to the simulator beside it.
      SHOPEE_ALLOWED_API_BASE_URLS: server!.sandboxUrl,
      MEDUSA_DISABLE_TELEMETRY: "true",
      LOG_LEVEL: "error",
      GO_FILE: goFile,
      CALLS: String(CALLS_PER_PROCESS),
    },
    stdio: ["ignore", "pipe", "pipe"],
  })
  let output = ""
  child.stdout.on("data", (chunk) => (output += chunk))
  child.stderr.on("data", (chunk) => (output += chunk))
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()))
  const ready = new Promise<void>((resolve, reject) => {
    const check = setInterval(() => {
      if (output.includes("ready")) {
        clearInterval(check)
        resolve()
      }
    }, 50)
    void exited.then(() => {
      clearInterval(check)
      reject(new Error(`medusa exec ended before it was ready:\n${output.slice(-3000)}`))
    })
  })
  ready.catch(() => undefined)
  const done = exited.then(() => {
    const line = /^outcome (.*)$/m.exec(output)
    if (!line) throw new Error(`medusa exec printed no outcome:\n${output.slice(-3000)}`)
    return JSON.parse(line[1])
  })
  return { ready, done }
}

it(
  `${PROCESSES} processes × ${CALLS_PER_PROCESS} calls with an expired token make exactly one refresh at Shopee`,
  async () => {
    await connectDemoShop()
    await sql!.query(`UPDATE shopee_auth_token SET access_expires_at = NOW() - INTERVAL '1 minute'`)
    await fetch(`${server!.sandboxUrl}/_control/requests`, { method: "DELETE" })
    // A refresh that takes a second at Shopee: every process then finds the token expired while
    // the first refresh is still under way, as on a busy day, instead of winning by luck.
    await fetch(`${server!.sandboxUrl}/_control/faults`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ kind: "latency", route: "/api/v2/auth/access_token/get", latency_ms: 1_000 }),
    })

    const goFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "shopee-refresh-race-")), "go")
    const callers = Array.from({ length: PROCESSES }, () => startCaller(goFile))
    await Promise.all(callers.map((caller) => caller.ready))
    fs.writeFileSync(goFile, "")
    const outcomes = await Promise.all(callers.map((caller) => caller.done))
    fs.rmSync(path.dirname(goFile), { recursive: true, force: true })

    for (const outcome of outcomes) expect(outcome).toEqual({ succeeded: CALLS_PER_PROCESS, failures: [] })
    const refreshes = await (await fetch(`${server!.sandboxUrl}/_control/requests?path=/api/v2/auth/access_token/get`)).json()
    expect(refreshes).toHaveLength(1)
    const { rows } = await sql!.query(`SELECT kind FROM connector_exception WHERE kind = 'token_refresh_failed'`)
    expect(rows).toEqual([])
  },
  5 * 60 * 1000
)
