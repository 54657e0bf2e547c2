import crypto from "node:crypto"
import pg from "pg"
import { startAdminServer, type AdminServer } from "../../scripts/admin-server"
import { SANDBOX_SHOP_ID, signPush } from "../helpers/sandbox"

/**
 * The webhook keeps the active environment and the active profile's push key in memory
 * (config-cache/ in the plugin). The promise still holds that an edit is never served stale: a
 * direct SQL edit by another process (here a plain pg client beside the store `npm start`
 * runs) is seen by the very next push, through the triggers' NOTIFY that empties the cache.
 */
const KEY_A = "push-key-a-0123456789abcdef0123456789abcdef"
const KEY_B = "push-key-b-fedcba9876543210fedcba9876543210"

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

const pushUrl = () => `${server!.url}/connectors/shopee/webhook/sandbox`

/** Sends a webchat push signed with `key`; answers its status and the row it left, if any. */
async function push(key: string): Promise<{ status: number; row: { signature_ok: boolean; profile_id: string } | undefined }> {
  const tag = crypto.randomBytes(6).toString("hex")
  const body = JSON.stringify({ code: 10, shop_id: SANDBOX_SHOP_ID, timestamp: Math.floor(Date.now() / 1000), data: { tag } })
  const response = await fetch(pushUrl(), {
    method: "POST",
    headers: { "content-type": "application/json", authorization: signPush(pushUrl(), body, key) },
    body,
  })
  const { rows } = await sql!.query(`select signature_ok, profile_id from shopee_raw_event where raw_body like $1`, [`%${tag}%`])
  return { status: response.status, row: rows[0] }
}

it("sees each direct SQL edit of the cached rows in the next push, while the server keeps serving", async () => {
  const configured = await server!.api("PATCH", "/admin/shopee/credentials?env=sandbox", { push_partner_key: KEY_A })
  expect(configured.status).toEqual(200)
  const second = await server!.api<{ profile: { id: string } }>("POST", "/admin/shopee/profiles", {
    environment: "sandbox",
    name: "Second shop",
    partner_id: 1002,
    partner_key: "partner-key-of-the-second-shop-0123456789",
    push_partner_key: KEY_B,
    shop_id: 43,
  })
  expect(second.status).toEqual(201)
  const first = await push(KEY_A)
  expect(first).toMatchObject({ status: 200, row: { signature_ok: true, profile_id: configured.data.profile.id } })
  // Served from memory now: the same answer again.
  expect((await push(KEY_A)).row).toMatchObject({ signature_ok: true })

  // Another process makes the second profile the active one.
  await sql!.query("begin")
  await sql!.query(`update shopee_profile set is_active = false where environment = 'sandbox' and is_active`)
  await sql!.query(`update shopee_profile set is_active = true where id = $1`, [second.data.profile.id])
  await sql!.query("commit")
  expect((await push(KEY_A)).row).toMatchObject({ signature_ok: false, profile_id: second.data.profile.id })
  expect((await push(KEY_B)).row).toMatchObject({ signature_ok: true, profile_id: second.data.profile.id })

  // Another process switches the store to live: a push for sandbox is acknowledged and dropped.
  await sql!.query(`update shopee_active_environment set environment = 'live'`)
  expect(await push(KEY_B)).toEqual({ status: 200, row: undefined })
  await sql!.query(`update shopee_active_environment set environment = 'sandbox'`)
  expect((await push(KEY_B)).row).toMatchObject({ signature_ok: true })
})
