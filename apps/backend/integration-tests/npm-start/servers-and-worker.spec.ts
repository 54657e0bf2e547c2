import crypto from "node:crypto"
import fs from "node:fs"
import pg from "pg"
import { startAdminServer, type AdminServer } from "../../scripts/admin-server"
import { processesMentioning } from "../../scripts/npm-start-process"
import { SANDBOX_PARTNER, SANDBOX_SHOP_ID, signPush } from "../helpers/sandbox"

/**
 * `npm start -- --servers=2`: two HTTP server processes on one port (Medusa's cluster mode) and
 * a worker, on one PostgreSQL, without Redis. The servers' in-memory events reach no worker, so
 * the worker finds the stored pushes itself (pending-push-poll.ts in the plugin): every push
 * acknowledged by either server is stored and processed exactly once.
 */
const PUSHES = 40

let server: AdminServer | undefined
let sql: pg.Client | undefined

beforeAll(
  async () => {
    server = await startAdminServer({ args: ["--servers=2"] })
    sql = new pg.Client({ connectionString: server.databaseUrl })
    await sql.connect()
  },
  10 * 60 * 1000
)

afterAll(async () => {
  await sql?.end()
  await server?.stop()
}, 60 * 1000)

it("runs a cluster of two servers and a worker", async () => {
  // The cluster's primary and its two forks share its command line; the worker has its own.
  expect(await processesMentioning("start --cluster 2 --servers 2", 0)).toHaveLength(3)
}, 180_000)

it("runs the worker niced (10) and the servers at normal priority, so that imports never take the servers' CPU", async () => {
  const servers = await processesMentioning("start --cluster 2 --servers 2", 0)
  const workers = medusaPidsWithEnvironment([`MEDUSA_WORKER_MODE=worker`, `DATABASE_URL=${server!.databaseUrl}`])
  expect(workers).toHaveLength(1)
  expect(niceOf(workers[0])).toEqual(10)
  expect(servers.map((line) => niceOf(Number(line.split(" ")[0])))).toEqual([0, 0, 0])
}, 180_000)

it("stores every push either server acknowledges and processes each exactly once", async () => {
  const configured = await server!.api("PATCH", "/admin/shopee/credentials?env=sandbox", {
    partner_id: SANDBOX_PARTNER.partner_id,
    partner_key: SANDBOX_PARTNER.partner_key,
    push_partner_key: SANDBOX_PARTNER.push_partner_key,
    shop_id: SANDBOX_SHOP_ID,
  })
  expect(configured.status).toEqual(200)
  const url = `${server!.url}/connectors/shopee/webhook/sandbox`
  const tag = crypto.randomBytes(6).toString("hex")
  const answers = await Promise.all(
    Array.from({ length: PUSHES }, async (_, seq) => {
      // An authorization notice: one the connector acts on (a webchat push is settled as it is stored).
      const body = JSON.stringify({ code: 12, shop_id: SANDBOX_SHOP_ID, timestamp: Math.floor(Date.now() / 1000), data: { tag, seq } })
      // As Shopee does, a push refused with a 503 (not stored in time on a loaded machine) is sent again.
      for (let attempt = 1; ; attempt++) {
        // A new connection per push, so the cluster spreads them over both servers.
        const response = await fetch(url, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: signPush(url, body), connection: "close" },
          body,
        })
        if (response.status !== 503 || attempt === 5) return response.status
      }
    })
  )
  expect(answers).toEqual(Array(PUSHES).fill(200))

  const rows = async () =>
    (await sql!.query(`select status, attempts, signature_ok from shopee_raw_event where raw_body like $1`, [`%"tag":"${tag}"%`])).rows
  expect(await rows()).toHaveLength(PUSHES)
  // Processed in the worker, in the background: waited for, not timed.
  while ((await rows()).some((row) => row.status === "pending")) {
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  const processed = await rows()
  expect(processed).toEqual(Array(PUSHES).fill({ signature_ok: true, status: "processed", attempts: 1 }))
  // A push stored after its 503 and then sent again is counted on its first row, not stored twice.
}, 180_000)

/** The niceness of a process, from /proc (the 19th field of its stat; the 17th after the command name). */
function niceOf(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8")
  return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[16])
}

/** The node processes running `medusa start` whose environment holds every one of `entries`. */
function medusaPidsWithEnvironment(entries: string[]): number[] {
  return fs
    .readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number)
    .filter((pid) => {
      try {
        const commandLine = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0")
        const environment = fs.readFileSync(`/proc/${pid}/environ`, "utf8").split("\0")
        return commandLine.some((part) => part.endsWith("medusa")) && entries.every((entry) => environment.includes(entry))
      } catch {
        return false
      }
    })
}
