import { spawn } from "node:child_process"
import crypto from "node:crypto"
import path from "node:path"
import pg from "pg"
import { DEMO_PARTNER_KEY, DEMO_PUSH_PARTNER_KEY, DEMO_SHOP_ID } from "@shopee-medusa/shopee-sandbox"
import { keyIdOfCiphertext, progressOf, verifyOf } from "../probes/rotation-output"
import { scanForSecrets } from "../probes/secret-scan"
import { reconcileFromNow } from "../reconcile-runs"
import type { FaultStack, Scenario } from "../scenario"

/** Profiles added so that a rotation of one row per batch has several batches to be killed in. */
const EXTRA_PROFILES = 12

type CliRun = {
  output: string
  code: number | null
  signal: NodeJS.Signals | null
  /** The batch chosen at random to kill the run after, and the one its progress had reached. */
  killAt: number | null
  killedAfter: number | null
  /** Batches of the run, as its progress lines say. */
  total: number | null
}

/**
 * `npm run shopee:rotate-key` killed with SIGKILL at a random batch, then run again: every
 * secret and token stays readable and the second run finishes the job.
 *
 * A rotation needs two keys the server reads. The stack's server has a dedicated
 * SHOPEE_ENCRYPTION_KEY, on which it wrote every secret, and, as every server, still reads the
 * key derived from JWT_SECRET. The rotation under test moves every secret from the dedicated key
 * onto the derived one (the CLI run with the derived key current and the dedicated one listed
 * as previous): the same mechanics as any rotation, and one CLI start (most of this scenario's
 * time) fewer than moving them away and back. Its run is killed after a random batch (batch size
 * 1, extra profiles so that there are several), then run again. Then: the verify line counts every
 * ciphertext the database holds (partner keys and OAuth tokens, found from the `*_encrypted`
 * columns) and says they are all on the new key; the server signs with the partner key
 * (connect), verifies a push with the push partner key, and calls Shopee with the access token
 * (reconcile).
 */
export const rotationKill: Scenario = async (stack) => {
  const problems: string[] = []
  const fail = (problem: string) => ({ name: "rotation-kill", ok: false, figures: {}, problems: [problem] })
  if (!stack.env.SHOPEE_ENCRYPTION_KEY || !stack.env.JWT_SECRET) {
    return fail("the stack's server needs SHOPEE_ENCRYPTION_KEY and JWT_SECRET (two keys it reads) for a rotation between them")
  }
  // The derived key current, the dedicated one still read.
  const { SHOPEE_ENCRYPTION_KEY: dedicated, ...withoutDedicated } = stack.env
  const rotationEnv = { ...withoutDedicated, SHOPEE_ENCRYPTION_KEY_PREVIOUS: dedicated }

  const created = await addProfiles(stack)
  const sql = new pg.Client({ connectionString: stack.databaseUrl })
  await sql.connect()
  const outputs: string[] = []
  try {
    const killed = await rotate(stack, rotationEnv, ["batch-size=1"], { kill: true })
    outputs.push(killed.output)
    if (killed.signal !== "SIGKILL") problems.push(`the rotation ended (${killed.code}) before it was killed at batch ${killed.killAt}`)
    const afterKill = countBy((await ciphertexts(sql)).map((entry) => entry.keyId ?? "none"))

    const finished = await rotate(stack, rotationEnv, ["batch-size=1"])
    outputs.push(finished.output)
    const verify = verifyOf(finished.output)
    if (finished.code !== 0) problems.push(`the second run exited ${finished.code}: ${finished.output.slice(-300)}`)
    if (!verify) problems.push("the second run printed no verify line")

    const stored = await ciphertexts(sql)
    const offKey = stored.filter((entry) => entry.keyId !== verify?.keyId)
    for (const [column, count] of Object.entries(countBy(offKey.map((entry) => entry.column)))) {
      problems.push(`${count} ciphertext(s) of ${column} not on the current key after the second run`)
    }
    if (verify && verify.total !== stored.length) {
      problems.push(
        `verify counted ${verify.total} secrets; the database holds ${stored.length} ciphertexts (${Object.entries(
          countBy(stored.map((entry) => entry.column))
        )
          .map(([column, count]) => `${column} ${count}`)
          .join(", ")})`
      )
    }
    if (verify && (verify.onKey !== verify.total || verify.unreadable !== 0))
      problems.push(`verify: ${verify.onKey}/${verify.total} on key, ${verify.unreadable} unreadable`)

    problems.push(...(await secretsInUse(stack, sql)))
    const { findings } = scanForSecrets([{ source: "rotation CLI output", text: outputs.join("\n") }], await stack.plainSecrets())
    for (const finding of findings) problems.push(`${finding.secret} in the rotation CLI's output (${finding.form})`)

    const onNewAfterKill = verify ? (afterKill[verify.keyId] ?? 0) : 0
    return {
      name: "rotation-kill",
      ok: problems.length === 0,
      figures: {
        batches: killed.total ?? "?",
        kill_at_batch: killed.killAt ?? "none",
        killed_after_batch: killed.killedAfter ?? "none",
        on_new_key_after_kill: onNewAfterKill,
        on_old_key_after_kill: Object.values(afterKill).reduce((sum, count) => sum + count, 0) - onNewAfterKill,
        verify: verify ? `${verify.onKey}/${verify.total}` : "none",
        ciphertexts: stored.length,
        off_key: offKey.length,
      },
      problems,
    }
  } finally {
    await sql.end()
    for (const id of created)
      await stack.fetch(`${stack.medusaUrl}/admin/shopee/profiles/${id}`, { method: "DELETE", headers: stack.adminHeaders })
  }
}

/** Live profiles holding the demo's keys (no new secret), so that there are several batches. */
async function addProfiles(stack: FaultStack): Promise<string[]> {
  const ids: string[] = []
  for (let n = 1; n <= EXTRA_PROFILES; n++) {
    const response = await stack.fetch(`${stack.medusaUrl}/admin/shopee/profiles`, {
      method: "POST",
      headers: { ...stack.adminHeaders, "content-type": "application/json" },
      body: JSON.stringify({
        environment: "live",
        name: `Rotation probe ${n}`,
        partner_key: DEMO_PARTNER_KEY,
        push_partner_key: DEMO_PUSH_PARTNER_KEY,
      }),
    })
    const body = (await response.json()) as { profile?: { id: string }; id?: string; message?: string }
    if (response.status !== 201) throw new Error(`adding a profile for the rotation: ${response.status} ${body.message ?? ""}`)
    ids.push(body.profile?.id ?? body.id!)
  }
  return ids
}

/**
 * One run of the rotation CLI (what `npm run shopee:rotate-key` runs). With `kill`, a batch is
 * chosen at random in the first half of the run once its first progress line gives their number
 * (the first half, so that the run cannot finish before the signal lands), and the run is killed
 * with SIGKILL (its whole process group) when its progress reaches that batch.
 */
function rotate(stack: FaultStack, env: NodeJS.ProcessEnv, args: string[], options: { kill?: boolean } = {}): Promise<CliRun> {
  const medusa = path.resolve(stack.backendDir, "../../node_modules/.bin/medusa")
  const child = spawn(medusa, ["exec", "./src/scripts/rotate-shopee-key.ts", ...args], { cwd: stack.backendDir, env, detached: true })
  let output = ""
  let killAt: number | null = null
  let killedAfter: number | null = null
  let total: number | null = null
  let pending = ""
  const read = (chunk: Buffer) => {
    output += chunk.toString("utf8")
    pending += chunk.toString("utf8")
    const lines = pending.split("\n")
    pending = lines.pop() ?? ""
    for (const line of lines) {
      const progress = progressOf(line)
      if (!progress) continue
      total = progress.total
      if (options.kill && killAt === null) killAt = crypto.randomInt(1, Math.max(1, Math.floor(progress.total / 2)) + 1)
      if (killAt !== null && killedAfter === null && progress.done >= killAt) {
        killedAfter = progress.done
        process.kill(-child.pid!, "SIGKILL")
      }
    }
  }
  child.stdout.on("data", read)
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")))
  return new Promise((resolve, reject) => {
    child.once("error", reject)
    child.once("exit", (code, signal) => resolve({ output, code, signal, killAt, killedAfter, total }))
  })
}

/** Every ciphertext the Shopee tables hold, from every `*_encrypted` column, with the key that wrote it. */
async function ciphertexts(sql: pg.Client): Promise<{ column: string; keyId: string | null }[]> {
  const { rows: columns } = await sql.query(
    `select table_name, column_name from information_schema.columns
      where table_schema = 'public' and table_name like 'shopee\\_%' and column_name like '%\\_encrypted' order by 1, 2`
  )
  const found: { column: string; keyId: string | null }[] = []
  for (const { table_name: table, column_name: column } of columns) {
    const { rows } = await sql.query(
      `select ${pg.escapeIdentifier(column)} as value from ${pg.escapeIdentifier(table)} where ${pg.escapeIdentifier(column)} is not null and deleted_at is null`
    )
    for (const row of rows) found.push({ column: `${table}.${column}`, keyId: keyIdOfCiphertext(row.value) })
  }
  return found
}

/** The secrets at work through the server: the partner key signs, the push key verifies, the access token calls Shopee. */
async function secretsInUse(stack: FaultStack, sql: pg.Client): Promise<string[]> {
  const problems: string[] = []
  const admin = { ...stack.adminHeaders, "content-type": "application/json" }
  const connect = await stack.fetch(`${stack.medusaUrl}/admin/shopee/connect?env=sandbox`, { method: "POST", headers: admin })
  if (connect.status !== 200)
    problems.push(`connect (signs with the partner key): ${connect.status} ${(await connect.text()).slice(0, 200)}`)
  const reconcile = await reconcileFromNow(stack)
  if (reconcile.status !== "succeeded")
    problems.push(`reconcile (calls Shopee with the access token): run ${reconcile.id} ${reconcile.status}: ${reconcile.error}`)

  const tag = crypto.randomBytes(6).toString("hex")
  const body = JSON.stringify({
    code: 10,
    shop_id: DEMO_SHOP_ID,
    timestamp: Math.floor(Date.now() / 1000),
    data: { type: "message", content: { message_id: `rotation-${tag}` } },
  })
  const signature = crypto
    .createHmac("sha256", DEMO_PUSH_PARTNER_KEY)
    .update(`${new URL(stack.pushUrl).origin}${new URL(stack.pushUrl).pathname}|`)
    .update(body)
    .digest("hex")
  const push = await stack.fetch(stack.pushUrl, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: signature },
    body,
  })
  const { rows } = await sql.query("select signature_ok from shopee_raw_event where raw_body like $1", [`%rotation-${tag}%`])
  if (push.status !== 200 || rows[0]?.signature_ok !== true)
    problems.push(`a push signed with the push partner key: ${push.status}, signature_ok ${rows[0]?.signature_ok}`)
  return problems
}

function countBy(values: string[]): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1
  return counts
}
