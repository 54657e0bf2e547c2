/**
 * `npm run bench:webhook-flood`: what a flood of forged pushes costs the store. Anyone can post
 * to the webhook; a push whose signature fails is recorded for a person, and this measures the
 * bounds on that record (issue 19): 64 kB bodies with an 8 kB Authorization that is not a
 * signature, from `--connections` connections for `--duration` seconds, against `npm start`'s
 * Medusa on a fresh database.
 *
 * Prints the requests answered, then what they added: `shopee_raw_event` rows, bytes (the size
 * of the push tables on disk, and the bytes of the stored bodies and headers), open exceptions,
 * and the rejected pushes counted but not stored; per rejected request and in total.
 *
 *   --duration=20      seconds of flood (BENCH_DURATION)
 *   --connections=16   concurrent connections (BENCH_CONNECTIONS)
 *   --sources=1        senders named in X-Forwarded-For, in turn (BENCH_SOURCES); Medusa's
 *                      `trust proxy` of 1 takes that as the sender: more than one shows the total limit
 */
import autocannon, { type Result } from "autocannon"
import { assertLoopback, startBenchServer } from "./bench-server"
import { formatCount, numberOption, refuseUnknownFlags } from "./options"
import { configureSandboxProfile } from "./sandbox-profile"
import { pushTableFigures } from "../faults/probes/push-tables"

const WEBHOOK_PATH = "/connectors/shopee/webhook/sandbox"
const BODY_BYTES = 64 * 1024 - 256
const AUTHORIZATION = "f".repeat(8 * 1024)

const log = (line: string) => console.log(`[bench:webhook-flood] ${line}`)

async function flood(url: string, connections: number, seconds: number, sources: number) {
  assertLoopback(url)
  let seq = 0
  return new Promise<Result>((resolve, reject) => {
    autocannon(
      {
        url,
        connections,
        duration: seconds,
        timeout: 10,
        requests: [
          {
            method: "POST",
            path: WEBHOOK_PATH,
            setupRequest: (request) => {
              const n = seq++
              const body = JSON.stringify({
                code: 3,
                shop_id: 700001,
                timestamp: 1760000000 + n,
                data: { ordersn: `FLOOD${n}`, padding: "" },
              })
              const padded = body.replace('"padding":""', `"padding":"${"x".repeat(BODY_BYTES - body.length)}"`)
              const headers: Record<string, string> = { "content-type": "application/json", authorization: AUTHORIZATION }
              if (sources > 1) headers["x-forwarded-for"] = `198.51.100.${(n % sources) + 1}`
              return { ...request, method: "POST", path: WEBHOOK_PATH, headers, body: padded }
            },
          },
        ],
      },
      (error, result) => (error ? reject(error) : resolve(result))
    )
  })
}

async function main(): Promise<number> {
  refuseUnknownFlags(["duration", "connections", "sources"])
  const seconds = numberOption("duration", "BENCH_DURATION", 20, { min: 1, max: 300 })
  const connections = numberOption("connections", "BENCH_CONNECTIONS", 16, { min: 1, max: 500 })
  const sources = numberOption("sources", "BENCH_SOURCES", 1, { min: 1, max: 250 })

  const { server, stop } = await startBenchServer("webhook-flood", log)
  try {
    await configureSandboxProfile(server.api)
    const before = await pushTableFigures(server.sql)
    log(
      `flooding ${server.url}${WEBHOOK_PATH} for ${seconds} s from ${connections} connections, ${sources} sender(s): ${formatCount(BODY_BYTES)} B bodies, ${formatCount(AUTHORIZATION.length)} B Authorization, bad signature`
    )
    const result = await flood(server.url, connections, seconds, sources)
    const after = await pushTableFigures(server.sql)

    const answered200 = result.statusCodeStats["200"]?.count ?? 0
    const others = Object.entries(result.statusCodeStats).filter(([status]) => status !== "200")
    const per = (value: number, digits = 1) => (answered200 > 0 ? formatCount(value / answered200, digits) : "n/a")
    const rows = after.rows - before.rows
    const tableBytes = after.tableBytes - before.tableBytes
    const storedBytes = after.storedBytes - before.storedBytes
    console.log("")
    console.log(`Forged pushes, ${connections} connections, ${sources} sender(s), ${result.duration} s, loopback (${server.url})`)
    console.log(
      `requests answered 200: ${formatCount(answered200)} (${formatCount(answered200 / result.duration, 1)}/s)${others.length ? `; other answers: ${others.map(([status, { count }]) => `${count} x ${status}`).join(", ")}` : ""}${result.errors ? `; errors ${result.errors}` : ""}`
    )
    console.log(`bytes sent per request: ${formatCount(BODY_BYTES + AUTHORIZATION.length)} (body + Authorization)`)
    console.log("")
    console.log(`                                   total        per request`)
    console.log(`shopee_raw_event rows added   ${formatCount(rows).padStart(12)}   ${per(rows, 4).padStart(14)}`)
    console.log(`table bytes added (on disk)   ${formatCount(tableBytes).padStart(12)}   ${per(tableBytes).padStart(14)}`)
    console.log(`body + header bytes stored    ${formatCount(storedBytes).padStart(12)}   ${per(storedBytes).padStart(14)}`)
    console.log(
      `open exceptions added         ${formatCount(after.openExceptions - before.openExceptions).padStart(12)}   (counting ${formatCount(after.occurrences - before.occurrences)} stored rejected pushes)`
    )
    console.log(`counted, not stored           ${formatCount(after.refused - before.refused).padStart(12)}   (over the rate limit)`)
    return 0
  } finally {
    log("stopping Medusa and dropping its database…")
    await stop()
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`[bench:webhook-flood] failed: ${(error as Error).stack ?? error}`)
    process.exit(1)
  }
)
