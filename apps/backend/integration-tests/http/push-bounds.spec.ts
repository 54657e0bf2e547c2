import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { adminHeaders } from "../helpers/admin-session"
import { SANDBOX_PARTNER, signPush } from "../helpers/sandbox"
import { waitFor } from "../helpers/wait-for"

jest.setTimeout(180 * 1000)

const PUBLIC_URL = "https://shop.example.com"
const PATH = "/connectors/shopee/webhook/sandbox"
/** The plugin's defaults (options.ts): what the bounds below are measured against. */
const BODY_PREFIX_BYTES = 2048
const LIMIT_PER_SOURCE = 20
const LIMIT_TOTAL = 60

/** A forged push as a flood sends it: a 64 kB JSON body and an 8 kB Authorization that is not a signature. */
const floodBody = (n: number) =>
  JSON.stringify({ code: 3, shop_id: 700001, timestamp: 1760000000 + n, data: { ordersn: `FLOOD${n}`, padding: "x".repeat(63 * 1024) } })
const FLOOD_AUTHORIZATION = "f".repeat(8 * 1024)

// The job as the server runs it, from the plugin's build.
const trimJob = () => require("medusa-plugin-shopee/jobs/trim-shopee-push-records").default as (container: MedusaContainer) => Promise<void>

medusaIntegrationTestRunner({
  inApp: true,
  // The trim job is called by hand below, so it must be switched on (it ticks hourly: no race).
  env: { SHOPEE_ENCRYPTION_KEY: "cd".repeat(32), SHOPEE_PUBLIC_URL: PUBLIC_URL, SHOPEE_JOBS: "trim-shopee-push-records" },
  testSuite: ({ api, getContainer }) => {
    const sql = () => getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
    const events = () => sql()("shopee_raw_event").orderBy("created_at", "asc")
    const exceptions = () => sql()("connector_exception").orderBy("created_at", "asc")
    /** Express sees the loopback peer and, with Medusa's `trust proxy` of 1, takes X-Forwarded-For as the sender. */
    const push = (body: string, authorization: string, source = "198.51.100.1") =>
      api.post(PATH, body, {
        headers: { "content-type": "application/json", authorization, "x-forwarded-for": source },
        validateStatus: () => true,
        transformRequest: [(data: string) => data],
      })
    const storedBytes = async () => {
      const [row] = await sql()("shopee_raw_event").select(
        sql().raw(
          `coalesce(sum(octet_length(raw_body) + coalesce(octet_length(raw_body_base64), 0) + coalesce(octet_length(headers::text), 0)), 0)::int as bytes`
        )
      )
      return Number(row.bytes)
    }

    /**
     * The limits count per minute of the database's clock: a test that sent its pushes across a
     * minute's end would see two windows. Each test here takes seconds, so it starts early in a minute.
     */
    const startEarlyInAMinute = async () => {
      const {
        rows: [{ second }],
      } = await sql().raw(`select extract(second from now())::float as second`)
      if (second > 30) await new Promise((resolve) => setTimeout(resolve, (60 - second + 0.5) * 1000))
    }

    beforeEach(async () => {
      await startEarlyInAMinute()
      await api.patch(
        "/admin/shopee/credentials?env=sandbox",
        {
          partner_id: SANDBOX_PARTNER.partner_id,
          partner_key: SANDBOX_PARTNER.partner_key,
          push_partner_key: SANDBOX_PARTNER.push_partner_key,
          shop_id: 700001,
        },
        await adminHeaders(api, getContainer())
      )
    })

    it("a forged 64 kB push with an 8 kB Authorization stores one row of a bounded prefix, the Authorization's length only", async () => {
      const body = floodBody(1)
      expect((await push(body, FLOOD_AUTHORIZATION)).status).toEqual(200)
      const rows = await events()
      expect(rows).toHaveLength(1)
      const [row] = rows
      expect(row).toMatchObject({
        status: "rejected",
        signature_ok: false,
        body_bytes: Buffer.byteLength(body),
        source: "198.51.100.1",
        raw_body_base64: null,
      })
      expect(row.raw_body).toEqual(body.slice(0, BODY_PREFIX_BYTES))
      expect(row.headers.authorization).toEqual("[8192 characters, not kept]")
      // Body prefix plus a few short headers: a few kB at most, whatever was sent.
      expect(await storedBytes()).toBeLessThan(BODY_PREFIX_BYTES + 512)
    })

    it("a burst of rejected pushes folds into one open exception with its count and first and last times", async () => {
      for (let n = 0; n < 5; n++) expect((await push(floodBody(n), FLOOD_AUTHORIZATION)).status).toEqual(200)
      const raised = await exceptions()
      expect(raised).toHaveLength(1)
      const rows = await events()
      expect(raised[0]).toMatchObject({ kind: "push_signature_invalid", status: "open", occurrences: 5, payload_ref: rows[0].id })
      expect(new Date(raised[0].last_seen_at).getTime()).toBeGreaterThanOrEqual(new Date(raised[0].first_seen_at).getTime())
    })

    it("over the per-sender limit a rejected push is counted, not stored, and other senders are still stored", async () => {
      for (let n = 0; n < LIMIT_PER_SOURCE + 5; n++) expect((await push(floodBody(n), FLOOD_AUTHORIZATION)).status).toEqual(200)
      expect((await push(floodBody(999), FLOOD_AUTHORIZATION, "203.0.113.7")).status).toEqual(200)
      const rows = await events()
      expect(rows.filter((row: { source: string }) => row.source === "198.51.100.1")).toHaveLength(LIMIT_PER_SOURCE)
      expect(rows.filter((row: { source: string }) => row.source === "203.0.113.7")).toHaveLength(1)
      const tallies = await sql()("shopee_rejected_push_tally").orderBy("source")
      expect(tallies.map((row: { source: string; received: number; refused: number }) => [row.source, row.received, row.refused])).toEqual([
        ["*", LIMIT_PER_SOURCE + 1, 5],
        ["198.51.100.1", LIMIT_PER_SOURCE + 5, 5],
        ["203.0.113.7", 1, 0],
      ])
      const [raised] = await exceptions()
      expect(raised.occurrences).toEqual(LIMIT_PER_SOURCE + 1)
      const summary = await api.get("/admin/dashboard/summary", await adminHeaders(api, getContainer()))
      expect(summary.data.rejected_pushes).toMatchObject({ stored: LIMIT_PER_SOURCE + 1, refused: 5, retention_days: 30 })
      expect(summary.data.rejected_pushes.bytes).toBeLessThan((LIMIT_PER_SOURCE + 1) * (BODY_PREFIX_BYTES + 512))
    })

    it("over the total limit no sender's rejected push is stored, and no counting row is added per sender", async () => {
      const senders = LIMIT_TOTAL / LIMIT_PER_SOURCE + 2
      for (let s = 0; s < senders; s++) {
        for (let n = 0; n < LIMIT_PER_SOURCE; n++) await push(floodBody(s * 100 + n), FLOOD_AUTHORIZATION, `192.0.2.${s + 1}`)
      }
      expect(await events()).toHaveLength(LIMIT_TOTAL)
      const tallies = await sql()("shopee_rejected_push_tally")
      const total = tallies.find((row: { source: string }) => row.source === "*")
      expect(total.refused).toEqual((senders - LIMIT_TOTAL / LIMIT_PER_SOURCE) * LIMIT_PER_SOURCE)
      // The senders past the total, apart from the first push that found it spent, have no row.
      expect(tallies.length).toBeLessThanOrEqual(1 + LIMIT_TOTAL / LIMIT_PER_SOURCE + 1)
    })

    it("a push received again is counted on the first row, not stored again, and processed once", async () => {
      const body = JSON.stringify({ data: { content: "hi" }, shop_id: 700001, code: 10, timestamp: 1760000003 })
      const signature = signPush(`${PUBLIC_URL}${PATH}`, body)
      for (let i = 0; i < 4; i++) expect((await push(body, signature)).status).toEqual(200)
      const rows = await waitFor(async () => {
        const current = await events()
        return current[0].status !== "pending" && current
      })
      expect(rows).toHaveLength(1)
      expect(rows[0]).toMatchObject({ status: "ignored", duplicate_count: 3, attempts: 1 })
      expect(rows[0].last_duplicate_at).not.toBeNull()
    })

    it("the retention job deletes rejected and duplicate pushes and refused counts older than 30 days, and keeps every other push", async () => {
      const good = JSON.stringify({ data: { content: "hi" }, shop_id: 700001, code: 10, timestamp: 1760000004 })
      await push(good, signPush(`${PUBLIC_URL}${PATH}`, good))
      await waitFor(async () => (await events()).every((row: { status: string }) => row.status !== "pending"))
      for (let n = 0; n < 3; n++) await push(floodBody(n), FLOOD_AUTHORIZATION)
      const [processed, ...rejected] = await events()
      // A duplicate row as versions before the count wrote them.
      await sql()("shopee_raw_event").insert({
        ...processed,
        id: "shevt_oldduplicate",
        status: "duplicate",
        dedupe_key: null,
        duplicate_of: processed.id,
      })
      const old = new Date(Date.now() - 31 * 24 * 60 * 60 * 1000)
      await sql()("shopee_raw_event")
        .whereIn("id", [processed.id, rejected[0].id, rejected[1].id, "shevt_oldduplicate"])
        .update({ created_at: old })
      await sql()("shopee_rejected_push_tally").update({ window_start: old })

      await trimJob()(getContainer())

      const left = await events()
      expect(left.map((row: { id: string }) => row.id).sort()).toEqual([processed.id, rejected[2].id].sort())
      expect(await sql()("shopee_rejected_push_tally")).toHaveLength(0)
    })
  },
})
