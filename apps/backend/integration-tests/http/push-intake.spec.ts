import { spawnSync } from "node:child_process"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { adminHeaders } from "../helpers/admin-session"
import { SANDBOX_PARTNER, signPush } from "../helpers/sandbox"
import { waitFor } from "../helpers/wait-for"

jest.setTimeout(120 * 1000)

const PUBLIC_URL = "https://shop.example.com"
const orderPush = (orderSn: string, status = "READY_TO_SHIP", timestamp = 1760000000) =>
  JSON.stringify({
    data: { items: [], ordersn: orderSn, status, completed_scenario: "", update_time: timestamp },
    shop_id: 700001,
    code: 3,
    timestamp,
  })

medusaIntegrationTestRunner({
  inApp: true,
  env: { SHOPEE_ENCRYPTION_KEY: "cd".repeat(32), SHOPEE_PUBLIC_URL: PUBLIC_URL },
  testSuite: ({ api, getContainer }) => {
    const sql = () => getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
    const events = () => sql()("shopee_raw_event").orderBy("created_at", "asc")
    const exceptions = () => sql()("connector_exception").orderBy("created_at", "asc")
    const push = (path: string, body: string, authorization?: string) =>
      api.post(path, body, {
        headers: { "content-type": "application/json", ...(authorization ? { authorization } : {}) },
        validateStatus: () => true,
        transformRequest: [(data: string) => data],
      })

    beforeEach(async () => {
      const options = await adminHeaders(api, getContainer())
      await api.patch(
        "/admin/shopee/credentials?env=sandbox",
        {
          partner_id: SANDBOX_PARTNER.partner_id,
          partner_key: SANDBOX_PARTNER.partner_key,
          push_partner_key: SANDBOX_PARTNER.push_partner_key,
          shop_id: 700001,
        },
        options
      )
    })

    it("legacy path, valid signature: stores the push tagged sandbox, answers an empty 200, then processes it", async () => {
      const body = orderPush("251126LEGACY01")
      const response = await push("/connectors/shopee/webhook", body, signPush(`${PUBLIC_URL}/connectors/shopee/webhook`, body))
      expect(response.status).toEqual(200)
      expect(response.data).toEqual("")
      const [row] = await events()
      expect(row).toMatchObject({ environment: "sandbox", signature_ok: true, code: 3, order_sn: "251126LEGACY01", raw_body: body })
      expect(row.profile_id).toMatch(/^shprof_/)
      const processed = await waitFor(async () => {
        const [current] = await events()
        return current.status !== "pending" && current
      })
      // The shop was never authorized here, so fetching the order fails: the attempt is recorded.
      expect(processed.status).toEqual("failed")
      expect(processed.status_reason).toMatch(/^Order 251126LEGACY01 could not be synced: .*authorize the shop first/)
      expect(processed.attempts).toEqual(1)
    })

    it("environment path: the signature covers the configured public URL, not this request's host", async () => {
      const body = orderPush("251126ENVPATH1")
      const good = await push("/connectors/shopee/webhook/sandbox", body, signPush(`${PUBLIC_URL}/connectors/shopee/webhook/sandbox`, body))
      expect(good.status).toEqual(200)
      const hostSigned = await push(
        "/connectors/shopee/webhook/sandbox",
        orderPush("251126ENVPATH2"),
        signPush(`${api.defaults.baseURL}/connectors/shopee/webhook/sandbox`, orderPush("251126ENVPATH2"))
      )
      expect(hostSigned.status).toEqual(200)
      const rows = await events()
      expect(rows.map((row: { signature_ok: boolean; environment: string }) => [row.environment, row.signature_ok])).toEqual([
        ["sandbox", true],
        ["sandbox", false],
      ])
    })

    it("inactive environment: 200 and nothing written anywhere", async () => {
      const body = orderPush("251126LIVE0001")
      const response = await push("/connectors/shopee/webhook/live", body, signPush(`${PUBLIC_URL}/connectors/shopee/webhook/live`, body))
      expect(response.status).toEqual(200)
      expect(response.data).toEqual("")
      expect(await events()).toHaveLength(0)
      expect(await exceptions()).toHaveLength(0)
    })

    it("bad or missing signature: 200, stored with signature_ok=false, an exception explains it, nothing processed", async () => {
      const body = orderPush("251126BADSIG01")
      expect((await push("/connectors/shopee/webhook", body, "0".repeat(64))).status).toEqual(200)
      expect((await push("/connectors/shopee/webhook", orderPush("251126NOSIG001"))).status).toEqual(200)
      const rows = await events()
      expect(rows).toHaveLength(2)
      for (const row of rows) {
        expect(row).toMatchObject({ environment: "sandbox", signature_ok: false, status: "rejected", processed: false })
      }
      // One exception for the burst, counting both (push-bounds.spec.ts covers the bounds).
      const raised = await exceptions()
      expect(raised).toHaveLength(1)
      expect(raised[0]).toMatchObject({
        environment: "sandbox",
        kind: "push_signature_invalid",
        status: "open",
        payload_ref: rows[0].id,
        occurrences: 2,
      })
      expect(raised[0].message).toContain("signature does not match")
    })

    it("an unknown environment segment is a 404", async () => {
      const body = orderPush("251126UNKNOWN1")
      const response = await push(
        "/connectors/shopee/webhook/staging",
        body,
        signPush(`${PUBLIC_URL}/connectors/shopee/webhook/staging`, body)
      )
      expect(response.status).toEqual(404)
      expect(await events()).toHaveLength(0)
    })

    it("a body that is not JSON is stored with its parse error and an exception, and answered 200", async () => {
      const body = "code=3&ordersn=x"
      const response = await push("/connectors/shopee/webhook", body, signPush(`${PUBLIC_URL}/connectors/shopee/webhook`, body))
      expect(response.status).toEqual(200)
      const [row] = await events()
      expect(row).toMatchObject({ signature_ok: true, status: "rejected", raw_body: body })
      expect(row.parse_error).toMatch(/^The body is not JSON/)
      const [raised] = await exceptions()
      expect(raised).toMatchObject({ kind: "push_unreadable", payload_ref: row.id })
    })

    it("a body over the size limit is a 413 and is not stored", async () => {
      const body = JSON.stringify({ code: 3, data: { padding: "x".repeat(70 * 1024) } })
      const response = await push("/connectors/shopee/webhook", body, signPush(`${PUBLIC_URL}/connectors/shopee/webhook`, body))
      expect(response.status).toEqual(413)
      expect(await events()).toHaveLength(0)
    })

    it("a push the database cannot take before the deadline is answered 503 (Shopee resends it), and kept if it lands later", async () => {
      // A lock stands in for an outage: the insert waits, as it would for a pool with no connection.
      const blocker = await sql().transaction()
      await blocker.raw("lock table shopee_raw_event in access exclusive mode")
      const body = orderPush("251126DEADLN01")
      let response: Awaited<ReturnType<typeof push>>
      try {
        response = await push("/connectors/shopee/webhook", body, signPush(`${PUBLIC_URL}/connectors/shopee/webhook`, body))
      } finally {
        await blocker.commit()
      }
      expect(response.status).toEqual(503)
      expect(response.data).toEqual({ type: "unavailable", message: "The push could not be stored within 2 s; send it again later" })
      const [late] = await waitFor(async () => {
        const rows = await events()
        return rows.length > 0 && rows
      })
      expect(late).toMatchObject({ order_sn: "251126DEADLN01", signature_ok: true, raw_body: body })
    })

    it("while the pool cannot open a connection, a push is refused 503 at once; a probe that is stored ends it", async () => {
      // The pool's own report of a refused connection, as it makes while PostgreSQL is down (the
      // shared test database cannot be stopped under the other suites): what the route listens to.
      const pool = sql().client.pool as { emitter: { emit(event: string, ...args: unknown[]): void } }
      const path = "/connectors/shopee/webhook/sandbox"
      const send = (orderSn: string) => {
        const body = orderPush(orderSn)
        return push(path, body, signPush(`${PUBLIC_URL}${path}`, body))
      }
      pool.emitter.emit("createFail", 0, Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }))
      const refused = await send("251126PROBE001")
      // Refused before any store was tried (the deadline's 503 names its 2 s instead).
      expect(refused.status).toEqual(503)
      expect(refused.data).toEqual({ type: "unavailable", message: "The database cannot be reached; send the push again later" })
      // Half a second without an attempt: the next push is a probe. The database is in fact up
      // here, so it is stored, and the pushes after it are admitted again.
      await new Promise((resolve) => setTimeout(resolve, 600))
      expect((await send("251126PROBE002")).status).toEqual(200)
      expect((await send("251126PROBE003")).status).toEqual(200)
      const rows = await events()
      expect(rows.map((row: { order_sn: string }) => row.order_sn)).toEqual(["251126PROBE002", "251126PROBE003"])
    })

    it("a push whose sender left before the server read it is not stored (Shopee resends it); the resend is", async () => {
      const path = "/connectors/shopee/webhook/sandbox"
      const gone = orderPush("251126GONE0001")
      const request =
        `POST ${path} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n` +
        `Authorization: ${signPush(`${PUBLIC_URL}${path}`, gone)}\r\nContent-Length: ${Buffer.byteLength(gone)}\r\n\r\n${gone}`
      const { hostname, port } = new URL(api.defaults.baseURL!)
      // Another process sends the whole request and closes its connection while this one, the
      // server's, is held: the connection waits in the kernel's queue with its end behind the
      // request, as a delivery Shopee gave up on waits behind a backlog.
      const sender = spawnSync(
        process.execPath,
        [
          "-e",
          `const s = require("node:net").connect(${port}, ${JSON.stringify(hostname)}, () => s.end(process.argv[1], () => process.exit(0)))`,
          request,
        ],
        { timeout: 10_000 }
      )
      expect(sender.status).toEqual(0)

      const resent = orderPush("251126GONE0002")
      expect((await push(path, resent, signPush(`${PUBLIC_URL}${path}`, resent))).status).toEqual(200)
      // The departed request was accepted first; a second is ample for it to have been handled.
      await new Promise((resolve) => setTimeout(resolve, 1000))
      const rows = await events()
      expect(rows.map((row: { order_sn: string }) => row.order_sn)).toEqual(["251126GONE0002"])
    })

    it("recognises a repeated push, counts it on the first row, and processes it once", async () => {
      const body = orderPush("251126DUPLIC01")
      const signature = signPush(`${PUBLIC_URL}/connectors/shopee/webhook/sandbox`, body)
      for (let i = 0; i < 3; i++) {
        expect((await push("/connectors/shopee/webhook/sandbox", body, signature)).status).toEqual(200)
      }
      const rows = await waitFor(async () => {
        const current = await events()
        return current[0].status !== "pending" && current
      })
      expect(rows.map((row: { status: string }) => row.status)).toEqual(["failed"])
      expect(rows[0]).toMatchObject({ duplicate_count: 2, attempts: 1 })
    })

    it("turns authorization notices into exceptions asking to reconnect, and stores other codes as ignored, with the reason", async () => {
      const bodies = [
        JSON.stringify({ data: { shop_expire_soon: [700001], expire_before: 1770000000 }, code: 12, timestamp: 1760000001 }),
        JSON.stringify({ data: { shop_id: 700001, success: 1, extra: "" }, code: 2, timestamp: 1760000002 }),
        JSON.stringify({ data: { content: "hi" }, shop_id: 700001, code: 10, timestamp: 1760000003 }),
      ]
      for (const body of bodies) {
        await push("/connectors/shopee/webhook/sandbox", body, signPush(`${PUBLIC_URL}/connectors/shopee/webhook/sandbox`, body))
      }
      const rows = await waitFor(async () => {
        const current = await events()
        return current.every((row: { status: string }) => row.status !== "pending") && current
      })
      expect(rows.map((row: { code: number; status: string }) => [row.code, row.status])).toEqual([
        [12, "processed"],
        [2, "processed"],
        [10, "ignored"],
      ])
      expect(rows[2].status_reason).toEqual("webchat is not handled by the connector")
      // Settled in the statement that stored it (one timestamp): no worker had to take it up.
      expect(rows[2].updated_at).toEqual(rows[2].created_at)
      expect(rows[0].updated_at).not.toEqual(rows[0].created_at)
      const raised = await exceptions()
      expect(raised.map((row: { kind: string; status: string }) => [row.kind, row.status])).toEqual([
        ["authorization_expiring", "open"],
        ["shop_deauthorized", "open"],
      ])
      expect(raised[1].message).toContain("Reconnect the shop")
    })
  },
})
