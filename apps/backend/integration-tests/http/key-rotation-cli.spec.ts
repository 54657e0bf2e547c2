import crypto from "node:crypto"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { rotateShopeeKey } from "../../src/scripts/rotate-shopee-key"
import { adminHeaders } from "../helpers/admin-session"

jest.setTimeout(120 * 1000)

const KEY_A = crypto.randomBytes(32).toString("hex")
const KEY_B = crypto.randomBytes(32).toString("hex")

medusaIntegrationTestRunner({
  inApp: true,
  env: { SHOPEE_ENCRYPTION_KEY: KEY_A },
  testSuite: ({ api, getContainer }) => {
    describe("npm run shopee:rotate-key", () => {
      it("reports a dry run, re-encrypts with progress, and verifies", async () => {
        const options = await adminHeaders(api, getContainer())
        for (const env of ["sandbox", "live"]) {
          await api.patch(`/admin/shopee/credentials?env=${env}`, { partner_key: "k".repeat(40), push_partner_key: "p".repeat(40) }, options)
        }
        process.env.SHOPEE_ENCRYPTION_KEY = KEY_B
        process.env.SHOPEE_ENCRYPTION_KEY_PREVIOUS = KEY_A
        try {
          const lines: string[] = []
          expect(await rotateShopeeKey(getContainer(), ["--dry-run"], (line) => lines.push(line))).toBe(true)
          expect(lines[0]).toMatch(/^dry run: 4 secrets would move to key [0-9a-f]{8}$/)
          expect(lines[1]).toMatch(/^verify: 0\/4 secrets on key/)

          lines.length = 0
          expect(await rotateShopeeKey(getContainer(), ["--batch-size=1"], (line) => lines.push(line))).toBe(true)
          expect(lines.slice(0, 2)).toEqual(["re-encrypted 1/2 rows (50%)", "re-encrypted 2/2 rows (100%)"])
          expect(lines[2]).toMatch(/^done: 4 secrets moved to key [0-9a-f]{8}, 0 unreadable$/)
          expect(lines[3]).toMatch(/^verify: 4\/4 secrets on key [0-9a-f]{8}, 0 unreadable$/)

          const refused: string[] = []
          expect(await rotateShopeeKey(getContainer(), ["--batch-size=zero"], (line) => refused.push(line))).toBe(false)
          expect(refused).toEqual(['batch-size must be a positive integer (got "zero")'])
        } finally {
          process.env.SHOPEE_ENCRYPTION_KEY = KEY_A
          delete process.env.SHOPEE_ENCRYPTION_KEY_PREVIOUS
        }
      })
    })
  },
})
