/**
 * A developer's tool for trying the probe scenarios one at a time, not the fault suite
 * (`npm run test:faults` runs every scenario on its own stack): it starts `npm start` on a fresh
 * database (scripts/admin-server.ts: one Medusa process, the simulator beside it), connects the
 * demo shop, builds a FaultStack around it and runs the named scenarios in order, printing each
 * one's line. The server's log is test-results/faults-try-server.log.
 *
 *   cd apps/backend && npx tsx faults/try-scenarios.ts [malformed-input admin-routes-unauthorized webhook-flood rotation-kill secret-scan]
 *
 * Without names it runs all five, the secret scan last.
 */
import crypto from "node:crypto"
import fs from "node:fs"
import path from "node:path"
import { DEMO_PARTNER_ID, DEMO_PARTNER_KEY, DEMO_PUSH_PARTNER_KEY, DEMO_SHOP_ID } from "@shopee-medusa/shopee-sandbox"
import { startAdminServer, type AdminServer } from "../scripts/admin-server"
import { resolveTestDatabase } from "../scripts/test-database"
import type { FaultStack, RecordedResponse, Scenario } from "./scenario"
import { adminRoutesUnauthorized } from "./scenarios/admin-routes-unauthorized"
import { malformedInput } from "./scenarios/malformed-input"
import { rotationKill } from "./scenarios/rotation-kill"
import { secretScan } from "./scenarios/secret-scan"
import { webhookFlood } from "./scenarios/webhook-flood"

const SCENARIOS: Record<string, Scenario> = {
  "malformed-input": malformedInput,
  "admin-routes-unauthorized": adminRoutesUnauthorized,
  "webhook-flood": webhookFlood,
  "rotation-kill": rotationKill,
  "secret-scan": secretScan,
}

const BACKEND = path.resolve(__dirname, "..")
export const LOG_FILE = path.join(BACKEND, "test-results/faults-try-server.log")
const log = (line: string) => console.log(`[try-scenarios] ${line}`)

async function main(): Promise<number> {
  const names = process.argv.slice(2)
  const unknown = names.filter((name) => !SCENARIOS[name])
  if (unknown.length) throw new Error(`unknown scenario(s) ${unknown.join(", ")}; known: ${Object.keys(SCENARIOS).join(", ")}`)
  const chosen = names.length ? names : Object.keys(SCENARIOS)

  const database = await resolveTestDatabase(log)
  Object.assign(process.env, database.env)
  // The rotation scenario needs a server that reads two keys: this dedicated one, and the one
  // derived from JWT_SECRET (the "old" key it first moves every secret onto).
  const encryptionKey = crypto.randomBytes(32).toString("hex")
  log(`starting npm start on a fresh database (a minute or two); its log: ${path.relative(process.cwd(), LOG_FILE)}`)
  let server: AdminServer | undefined
  try {
    server = await startAdminServer({ logFile: LOG_FILE, env: { LOG_LEVEL: process.env.LOG_LEVEL || "info", SHOPEE_ENCRYPTION_KEY: encryptionKey } })
    const stack = await faultStackOf(server, encryptionKey)
    let failed = 0
    for (const name of chosen) {
      const started = Date.now()
      const result = await SCENARIOS[name](stack)
      const figures = Object.entries(result.figures).map(([key, value]) => `${key}=${value}`).join(" ")
      console.log(`${result.ok ? "ok  " : "FAIL"} ${result.name.padEnd(26)} ${figures} (${Math.round((Date.now() - started) / 1000)} s)`)
      for (const problem of result.problems) console.log(`       - ${problem}`)
      if (!result.ok) failed += 1
    }
    return failed ? 1 : 0
  } finally {
    await server?.stop().catch((error) => log(`stopping: ${(error as Error).message}`))
    await database.embedded?.stop().catch(() => undefined)
  }
}

/** The FaultStack the suite's runner would give, from one `npm start`. */
export async function faultStackOf(server: Pick<AdminServer, "url" | "sandboxUrl" | "databaseUrl" | "dataDir" | "admin">, encryptionKey: string): Promise<FaultStack> {
  const responses: RecordedResponse[] = []
  const recordedFetch = async (input: string, init?: RequestInit) => {
    const response = await fetch(input, init)
    const body = await response.clone().text()
    responses.push({ request: `${init?.method ?? "GET"} ${input}`, status: response.status, body })
    return response
  }
  const login = await fetch(`${server.url}/auth/user/emailpass`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(server.admin),
  })
  const { token } = (await login.json()) as { token: string }
  const adminHeaders = { authorization: `Bearer ${token}` }

  const code = await fetch(`${server.sandboxUrl}/_control/auth_code`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ partner_id: DEMO_PARTNER_ID, shop_id: DEMO_SHOP_ID }),
  }).then((response) => response.json() as Promise<{ code: string }>)
  const callback = await fetch(`${server.url}/connectors/shopee/oauth/callback/sandbox?code=${code.code}&shop_id=${DEMO_SHOP_ID}`, { redirect: "manual" })
  if (!String(callback.headers.get("location")).includes("status=ok")) throw new Error(`connecting the demo shop failed: ${callback.headers.get("location")}`)

  const key = await fetch(`${server.url}/admin/api-keys`, {
    method: "POST",
    headers: { ...adminHeaders, "content-type": "application/json" },
    body: JSON.stringify({ title: "try-scenarios storefront", type: "publishable" }),
  })
  if (key.status !== 200) throw new Error(`creating a publishable key: ${key.status}`)
  const publishableKey = ((await key.json()) as { api_key: { token: string } }).api_key.token

  const localSecrets = JSON.parse(fs.readFileSync(path.join(server.dataDir, "secrets.json"), "utf8")) as Record<string, string>
  return {
    medusaUrl: server.url,
    sandboxUrl: server.sandboxUrl,
    databaseUrl: server.databaseUrl,
    adminHeaders,
    publishableKey,
    pushUrl: `${server.url}/connectors/shopee/webhook/sandbox`,
    fetch: recordedFetch,
    plainSecrets: async () => {
      // npm start's simulator saves every token it issued in its state file.
      const state = JSON.parse(fs.readFileSync(path.join(server.dataDir, "shopee-sandbox.json"), "utf8"))
      return [
        DEMO_PARTNER_KEY,
        DEMO_PUSH_PARTNER_KEY,
        encryptionKey,
        // Not the admin password: npm start prints the first start's login on purpose.
        ...Object.values(localSecrets),
        ...state.access_tokens.flatMap((t: { access_token: string; refresh_token: string }) => [t.access_token, t.refresh_token]),
        ...state.refresh_tokens.map((t: { refresh_token: string }) => t.refresh_token),
      ]
    },
    backendDir: BACKEND,
    // What npm start gave Medusa, as far as the rotation CLI needs it.
    env: { ...process.env, DATABASE_URL: server.databaseUrl, SHOPEE_ENCRYPTION_KEY: encryptionKey, ...localSecrets },
    logText: () => fs.readFileSync(LOG_FILE, "utf8"),
    recordedResponses: () => responses,
  }
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (error) => {
      console.error(`[try-scenarios] failed: ${(error as Error).stack ?? error}`)
      process.exit(1)
    }
  )
}
