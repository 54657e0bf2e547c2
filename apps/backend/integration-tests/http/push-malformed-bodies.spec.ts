import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { Logger } from "@medusajs/framework/types"
import { adminHeaders } from "../helpers/admin-session"
import { captureLogs } from "../helpers/capture-logs"
import { SANDBOX_PARTNER, signPush } from "../helpers/sandbox"

jest.setTimeout(120 * 1000)

const PUBLIC_URL = "https://shop.example.com"
const PATH = "/connectors/shopee/webhook/sandbox"
const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((part) => (typeof part === "string" ? Buffer.from(part, "utf8") : Buffer.from(part))))

/**
 * Bodies that once answered 500 and lost the push (or would have been stored with replacement
 * characters): each is signed correctly, so the only thing wrong with it is its bytes.
 */
const CASES: { name: string; body: Buffer; reason: RegExp }[] = [
  {
    name: "a raw NUL byte in the body",
    body: bytes('{"code":3,"shop_id":700001,"timestamp":1760000000,"data":{"ordersn":"251130NUL', [0], '"}}'),
    reason: /NUL/,
  },
  {
    name: "\\u0000 inside a JSON string",
    body: bytes('{"code":3,"shop_id":700001,"timestamp":1760000000,"data":{"ordersn":"251130ESC\\u0000"}}'),
    reason: /ordersn.*NUL|NUL.*ordersn/,
  },
  {
    name: "a code beyond a 32-bit integer",
    body: bytes('{"code":3000000000,"shop_id":700001,"timestamp":1760000000,"data":{}}'),
    reason: /code 3000000000/,
  },
  {
    name: "a timestamp of 20 digits",
    body: bytes('{"code":3,"shop_id":700001,"timestamp":12345678901234567890,"data":{}}'),
    reason: /timestamp/,
  },
  { name: "a body that is not UTF-8", body: bytes('{"code":3,"data":{"ordersn":"', [0xff, 0xfe], '"}}'), reason: /UTF-8/ },
]

medusaIntegrationTestRunner({
  inApp: true,
  env: { SHOPEE_ENCRYPTION_KEY: "cd".repeat(32), SHOPEE_PUBLIC_URL: PUBLIC_URL },
  testSuite: ({ api, getContainer }) => {
    const sql = () => getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)

    beforeEach(async () => {
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

    it.each(CASES)(
      "$name: answered 200, stored as rejected with its exact bytes and the reason, one short log line at most",
      async ({ body, reason }) => {
        const logs = captureLogs(getContainer().resolve<Logger>(ContainerRegistrationKeys.LOGGER))
        let status: number
        try {
          const response = await api.post(PATH, body, {
            headers: { "content-type": "application/json", authorization: signPush(`${PUBLIC_URL}${PATH}`, body) },
            validateStatus: () => true,
            transformRequest: [(data: Buffer) => data],
          })
          status = response.status
        } finally {
          logs.restore()
        }
        // Never a SQL statement with its values, never a stack trace: at most a line or two.
        expect(logs.text()).not.toMatch(/insert into/i)
        expect(logs.text().length).toBeLessThan(1000)
        expect(status).toEqual(200)

        const rows = await sql()("shopee_raw_event")
        expect(rows).toHaveLength(1)
        const [row] = rows
        expect(row).toMatchObject({ environment: "sandbox", signature_ok: true, status: "rejected", processed: false })
        expect(row.status_reason).toMatch(reason)
        expect(row.parse_error).toMatch(reason)
        // The body is kept exactly: as text when it is, as base64 of its bytes when text cannot hold it.
        const kept = row.raw_body_base64 === null ? Buffer.from(row.raw_body, "utf8") : Buffer.from(row.raw_body_base64, "base64")
        expect(kept.equals(body)).toBe(true)
        const exceptions = await sql()("connector_exception").where({ payload_ref: row.id })
        expect(exceptions).toMatchObject([{ kind: "push_unreadable", status: "open" }])
      }
    )
  },
})
