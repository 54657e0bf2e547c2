import { mkdtempSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { PARTNER, SHOP_ID, authorizeShop, callApi, createOrder, startSandbox, testOptions } from "./test-support/harness.js"

let dir: string

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "shopee-sandbox-"))
})

afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe("state file", () => {
  test("orders, stock and tokens survive a restart; the seed is not applied over saved state", async () => {
    const file = join(dir, "state.json")
    const first = await startSandbox(testOptions({ stateFile: file }))
    const tokens = await authorizeShop(first)
    const order = await createOrder(first)
    await first.close()
    expect(JSON.parse(readFileSync(file, "utf8")).orders).toHaveLength(1)

    const second = await startSandbox(testOptions({ stateFile: file }))
    try {
      expect(second.sandbox.orders.get(order.order_sn)?.order_status).toBe("UNPAID")
      expect(second.sandbox.state.partners.filter((p) => p.partner_id === PARTNER.partner_id)).toHaveLength(1)
      expect(second.sandbox.catalogue.itemsOfShop(SHOP_ID)[0].models[0].seller_stock[0].stock).toBe(4)
      const info = await callApi(second, { path: "/api/v2/shop/get_shop_info", accessToken: tokens.access_token, shopId: SHOP_ID })
      expect(info.body.error).toBe("")
    } finally {
      await second.close()
    }
  })
})
