import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createOrderWorkflow } from "@medusajs/medusa/core-flows"
import { adminHeaders } from "../helpers/admin-session"

jest.setTimeout(120 * 1000)

const BASE_TIME = Date.parse("2026-11-01T00:00:00Z")
const at = (second: number) => new Date(BASE_TIME + second * 1000)

type SyncRowInput = { n: number; environment?: string; order_sn?: string; shopee_status?: string | null; order_id?: string | null }
const syncRow = ({ n, environment = "sandbox", order_sn, shopee_status = "READY_TO_SHIP", order_id = null }: SyncRowInput) => ({
  id: `shord_test${String(n).padStart(4, "0")}`,
  environment,
  order_sn: order_sn ?? `251101${String(n).padStart(4, "0")}XX`,
  shop_id: "700001",
  order_id,
  state: order_id ? "imported" : "claimed",
  shopee_status,
  paid: false,
  created_at: at(n),
  updated_at: at(n),
})

type ExceptionRowInput = { n: number; environment: string | null; status?: string; kind?: string }
const exceptionRow = ({ n, environment, status = "open", kind = "unknown_sku" }: ExceptionRowInput) => ({
  id: `shexc_test${String(n).padStart(4, "0")}`,
  environment,
  kind,
  message: `exception ${n}`,
  status,
  attempts: 0,
  created_at: at(n),
  updated_at: at(n),
})

type EventRowInput = { n: number; environment?: string; status?: string; code?: number }
const eventRow = ({ n, environment = "sandbox", status = "processed", code = 3 }: EventRowInput) => ({
  id: `shevt_test${String(n).padStart(4, "0")}`,
  environment,
  path: `/connectors/shopee/webhook/${environment}`,
  headers: JSON.stringify({ authorization: "abc" }),
  raw_body: JSON.stringify({ code, n }),
  code,
  signature_ok: true,
  status,
  processed: status === "processed",
  attempts: 1,
  created_at: at(n),
  updated_at: at(n),
})

medusaIntegrationTestRunner({
  inApp: true,
  env: { SHOPEE_ENCRYPTION_KEY: "ef".repeat(32) },
  testSuite: ({ api, getContainer }) => {
    let options: Awaited<ReturnType<typeof adminHeaders>>
    const sql = () => getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
    const get = (url: string) => api.get(url, options)
    const ids = (rows: { id: string }[]) => rows.map((row) => row.id)

    beforeEach(async () => {
      options = await adminHeaders(api, getContainer())
    })

    describe("GET /admin/shopee/orders", () => {
      it("filters by environment, and lists every environment without one, newest first", async () => {
        await sql()("shopee_order_sync").insert([
          syncRow({ n: 1, environment: "sandbox" }),
          syncRow({ n: 2, environment: "live" }),
          syncRow({ n: 3, environment: "sandbox" }),
          syncRow({ n: 4, environment: "live" }),
          syncRow({ n: 5, environment: "sandbox" }),
        ])
        const live = await get("/admin/shopee/orders?env=live")
        expect(live.status).toEqual(200)
        expect(live.data).toMatchObject({ count: 2, limit: 20, offset: 0 })
        expect(ids(live.data.orders)).toEqual(["shord_test0004", "shord_test0002"])
        expect(live.data.orders.every((row: { environment: string }) => row.environment === "live")).toBe(true)

        const sandbox = await get("/admin/shopee/orders?env=sandbox")
        expect(sandbox.data.count).toEqual(3)
        expect(ids(sandbox.data.orders)).toEqual(["shord_test0005", "shord_test0003", "shord_test0001"])

        const all = await get("/admin/shopee/orders")
        expect(all.data.count).toEqual(5)
        expect(ids(all.data.orders)).toEqual(["shord_test0005", "shord_test0004", "shord_test0003", "shord_test0002", "shord_test0001"])
        expect(all.data.orders[0]).toMatchObject({
          order_sn: "2511010005XX",
          shopee_status: "READY_TO_SHIP",
          shop_id: "700001",
          order: null,
        })
      })

      it("pages in the database: 45 rows in pages of 20, each page asking the database for just that page", async () => {
        await sql()("shopee_order_sync").insert(Array.from({ length: 45 }, (_, i) => syncRow({ n: i + 1 })))
        const service = getContainer().resolve("shopee") as { listAndCountShopeeOrderSyncs: (...args: unknown[]) => unknown }
        const listAndCount = jest.spyOn(service, "listAndCountShopeeOrderSyncs")
        try {
          const pages = []
          for (const offset of [0, 20, 40]) {
            const page = await get(`/admin/shopee/orders?limit=20&offset=${offset}`)
            expect(page.status).toEqual(200)
            expect(page.data).toMatchObject({ count: 45, limit: 20, offset })
            pages.push(page.data.orders)
          }
          expect(pages.map((page) => page.length)).toEqual([20, 20, 5])
          const expected = Array.from({ length: 45 }, (_, i) => `shord_test${String(45 - i).padStart(4, "0")}`)
          expect(pages.flat().map((row: { id: string }) => row.id)).toEqual(expected)
          expect(listAndCount).toHaveBeenCalledTimes(3)
          expect(listAndCount.mock.calls.map(([, config]) => config)).toEqual([
            expect.objectContaining({ skip: 0, take: 20 }),
            expect.objectContaining({ skip: 20, take: 20 }),
            expect.objectContaining({ skip: 40, take: 20 }),
          ])
        } finally {
          listAndCount.mockRestore()
        }

        const byDefault = await get("/admin/shopee/orders")
        expect(byDefault.data).toMatchObject({ count: 45, limit: 20, offset: 0 })
        expect(byDefault.data.orders).toHaveLength(20)
        const beyond = await get("/admin/shopee/orders?offset=45")
        expect(beyond.data).toMatchObject({ count: 45, orders: [] })
        const largest = await get("/admin/shopee/orders?limit=100")
        expect(largest.data.orders).toHaveLength(45)
      })

      it("filters by Shopee status and finds an order_sn by any part of it, in any case", async () => {
        await sql()("shopee_order_sync").insert([
          syncRow({ n: 1, order_sn: "251101ABCDEF01", shopee_status: "READY_TO_SHIP" }),
          syncRow({ n: 2, order_sn: "251101ABCXYZ02", shopee_status: "COMPLETED" }),
          syncRow({ n: 3, order_sn: "251102QQQQQQ03", shopee_status: "COMPLETED", environment: "live" }),
          syncRow({ n: 4, order_sn: "251102QQ_QQQ04", shopee_status: "CANCELLED" }),
        ])
        const completed = await get("/admin/shopee/orders?status=COMPLETED")
        expect(ids(completed.data.orders)).toEqual(["shord_test0003", "shord_test0002"])
        expect(completed.data.count).toEqual(2)
        const completedLive = await get("/admin/shopee/orders?status=COMPLETED&env=live")
        expect(ids(completedLive.data.orders)).toEqual(["shord_test0003"])
        const several = await get("/admin/shopee/orders?status=READY_TO_SHIP,CANCELLED")
        expect(ids(several.data.orders)).toEqual(["shord_test0004", "shord_test0001"])

        const middle = await get("/admin/shopee/orders?q=abcx")
        expect(ids(middle.data.orders)).toEqual(["shord_test0002"])
        const prefix = await get("/admin/shopee/orders?q=251101")
        expect(ids(prefix.data.orders)).toEqual(["shord_test0002", "shord_test0001"])
        const withStatus = await get("/admin/shopee/orders?q=251101&status=READY_TO_SHIP")
        expect(ids(withStatus.data.orders)).toEqual(["shord_test0001"])
        // LIKE's wildcards in the search are plain characters.
        const underscore = await get("/admin/shopee/orders?q=QQ_Q")
        expect(ids(underscore.data.orders)).toEqual(["shord_test0004"])
        const percent = await get("/admin/shopee/orders?q=%25")
        expect(percent.data).toMatchObject({ count: 0, orders: [] })
      })

      it("carries the imported Medusa order on its row, and null where there is none", async () => {
        const container = getContainer()
        const [region] = await container.resolve(Modules.REGION).createRegions([{ name: "Singapore", currency_code: "sgd" }])
        const { result: order } = await createOrderWorkflow(container).run({
          input: {
            region_id: region.id,
            currency_code: "sgd",
            email: "buyer@example.com",
            items: [{ title: "Charizard holo", quantity: 2, unit_price: 10 }],
          },
        })
        await sql()("shopee_order_sync").insert([
          syncRow({ n: 1, order_id: order.id }),
          syncRow({ n: 2 }),
          syncRow({ n: 3, order_id: "order_gone" }),
        ])
        const page = await get("/admin/shopee/orders")
        expect(page.status).toEqual(200)
        const [gone, notImported, imported] = page.data.orders
        expect(imported.order_id).toEqual(order.id)
        expect(imported.order).toMatchObject({
          id: order.id,
          display_id: order.display_id,
          status: "pending",
          currency_code: "sgd",
          total: 20,
          payment_status: "not_paid",
          fulfillment_status: "not_fulfilled",
        })
        expect(Object.keys(imported.order).sort()).toEqual(
          ["created_at", "currency_code", "display_id", "fulfillment_status", "id", "payment_status", "status", "total"].sort()
        )
        expect(notImported.order).toBeNull()
        expect(gone.order).toBeNull()
      })

      it.each([
        ["env=staging", "env"],
        ["limit=0", "limit"],
        ["limit=1000", "limit"],
        ["limit=abc", "limit"],
        ["offset=-1", "offset"],
        ["status=ready", "status must be one or more Shopee order statuses"],
        ["sort=created_at", "sort"],
      ])("refuses %s with a 400 naming the parameter", async (search, parameter) => {
        const response = await get(`/admin/shopee/orders?${search}`)
        expect(response.status).toEqual(400)
        expect(response.data.message).toContain(parameter)
      })
    })

    describe("exceptions", () => {
      beforeEach(async () => {
        await sql()("connector_exception").insert([
          exceptionRow({ n: 1, environment: null }),
          exceptionRow({ n: 2, environment: "sandbox" }),
          exceptionRow({ n: 3, environment: "live", status: "retrying", kind: "order_import_failed" }),
          exceptionRow({ n: 4, environment: "sandbox", status: "resolved" }),
        ])
      })

      it("includes rows without an environment when no env is given, and leaves them out when one is", async () => {
        const all = await get("/admin/shopee/exceptions")
        expect(all.status).toEqual(200)
        expect(all.data).toMatchObject({ count: 4, limit: 20, offset: 0 })
        expect(ids(all.data.exceptions)).toEqual(["shexc_test0004", "shexc_test0003", "shexc_test0002", "shexc_test0001"])
        expect(all.data.exceptions[3]).toMatchObject({ environment: null, kind: "unknown_sku", message: "exception 1", status: "open" })

        const sandbox = await get("/admin/shopee/exceptions?env=sandbox")
        expect(ids(sandbox.data.exceptions)).toEqual(["shexc_test0004", "shexc_test0002"])
        const live = await get("/admin/shopee/exceptions?env=live")
        expect(ids(live.data.exceptions)).toEqual(["shexc_test0003"])
      })

      it("filters by status (one or several) and kind, and pages", async () => {
        const open = await get("/admin/shopee/exceptions?status=open")
        expect(ids(open.data.exceptions)).toEqual(["shexc_test0002", "shexc_test0001"])
        const openSandbox = await get("/admin/shopee/exceptions?status=open&env=sandbox")
        expect(ids(openSandbox.data.exceptions)).toEqual(["shexc_test0002"])
        const needingAction = await get("/admin/shopee/exceptions?status=open,retrying")
        expect(needingAction.data.count).toEqual(3)
        const kind = await get("/admin/shopee/exceptions?kind=order_import_failed")
        expect(ids(kind.data.exceptions)).toEqual(["shexc_test0003"])
        const page = await get("/admin/shopee/exceptions?limit=2&offset=1")
        expect(page.data).toMatchObject({ count: 4, limit: 2, offset: 1 })
        expect(ids(page.data.exceptions)).toEqual(["shexc_test0003", "shexc_test0002"])
      })

      it("resolves an exception once; resolving it again changes nothing; an unknown id is a 404", async () => {
        const resolved = await api.post("/admin/shopee/exceptions/shexc_test0002/resolve", {}, options)
        expect(resolved.status).toEqual(200)
        expect(resolved.data.exception).toMatchObject({ id: "shexc_test0002", status: "resolved" })
        const [row] = await sql()("connector_exception").where({ id: "shexc_test0002" })
        expect(row.status).toEqual("resolved")
        expect(row.resolved_at).toBeInstanceOf(Date)
        expect(Date.now() - row.resolved_at.getTime()).toBeLessThan(60_000)

        const again = await api.post("/admin/shopee/exceptions/shexc_test0002/resolve", {}, options)
        expect(again.status).toEqual(200)
        expect(again.data.exception.status).toEqual("resolved")
        const [after] = await sql()("connector_exception").where({ id: "shexc_test0002" })
        expect(after.resolved_at.getTime()).toEqual(row.resolved_at.getTime())

        const open = await get("/admin/shopee/exceptions?status=open")
        expect(ids(open.data.exceptions)).toEqual(["shexc_test0001"])

        const unknown = await api.post("/admin/shopee/exceptions/shexc_nope/resolve", {}, options)
        expect(unknown.status).toEqual(404)
      })

      it.each([
        ["env=staging", "env"],
        ["status=closed", "status must be one or more of: open, retrying, resolved"],
        ["limit=101", "limit"],
        ["offset=-5", "offset"],
        ["severity=high", "severity"],
      ])("refuses %s with a 400 naming the parameter", async (search, parameter) => {
        const response = await get(`/admin/shopee/exceptions?${search}`)
        expect(response.status).toEqual(400)
        expect(response.data.message).toContain(parameter)
      })
    })

    describe("events", () => {
      beforeEach(async () => {
        await sql()("shopee_raw_event").insert([
          eventRow({ n: 1, status: "processed", code: 3 }),
          eventRow({ n: 2, status: "failed", code: 3 }),
          eventRow({ n: 3, environment: "live", status: "pending", code: 4 }),
          eventRow({ n: 4, status: "ignored", code: 10 }),
        ])
      })

      it("lists events newest first without their raw body, and filters by env, status and code", async () => {
        const all = await get("/admin/shopee/events")
        expect(all.status).toEqual(200)
        expect(all.data).toMatchObject({ count: 4, limit: 20, offset: 0 })
        expect(ids(all.data.events)).toEqual(["shevt_test0004", "shevt_test0003", "shevt_test0002", "shevt_test0001"])
        for (const event of all.data.events) {
          expect(event).not.toHaveProperty("raw_body")
          expect(event).not.toHaveProperty("headers")
        }
        expect(all.data.events[1]).toMatchObject({ environment: "live", code: 4, status: "pending", signature_ok: true, processed: false })

        expect(ids((await get("/admin/shopee/events?env=sandbox")).data.events)).toEqual([
          "shevt_test0004",
          "shevt_test0002",
          "shevt_test0001",
        ])
        expect(ids((await get("/admin/shopee/events?status=pending,failed")).data.events)).toEqual(["shevt_test0003", "shevt_test0002"])
        expect(ids((await get("/admin/shopee/events?code=3")).data.events)).toEqual(["shevt_test0002", "shevt_test0001"])
        expect(ids((await get("/admin/shopee/events?code=3&status=failed&env=sandbox")).data.events)).toEqual(["shevt_test0002"])
        const page = await get("/admin/shopee/events?limit=1&offset=3")
        expect(page.data).toMatchObject({ count: 4, limit: 1, offset: 3 })
        expect(ids(page.data.events)).toEqual(["shevt_test0001"])
      })

      it("shows one event with its raw body; an unknown id is a 404", async () => {
        const one = await get("/admin/shopee/events/shevt_test0002")
        expect(one.status).toEqual(200)
        expect(one.data.event).toMatchObject({
          id: "shevt_test0002",
          raw_body: JSON.stringify({ code: 3, n: 2 }),
          headers: { authorization: "abc" },
          status: "failed",
        })
        expect((await get("/admin/shopee/events/shevt_nope")).status).toEqual(404)
      })

      it.each([
        ["env=staging", "env"],
        ["status=done", "status must be one or more of: pending"],
        ["code=abc", "code"],
        ["limit=0", "limit"],
        ["raw_body=1", "raw_body"],
      ])("refuses %s with a 400 naming the parameter", async (search, parameter) => {
        const response = await get(`/admin/shopee/events?${search}`)
        expect(response.status).toEqual(400)
        expect(response.data.message).toContain(parameter)
      })
    })

    describe("a NUL character in an admin input", () => {
      it.each([
        ["get", "/admin/shopee/orders?q=%00", undefined, "q"],
        ["get", "/admin/shopee/orders?q=abc%00def", undefined, "q"],
        ["get", "/admin/shopee/exceptions?kind=%00", undefined, "kind"],
        ["get", "/admin/shopee/events/%00", undefined, "id"],
        ["post", "/admin/shopee/events/shevt%00x/replay", {}, "id"],
        ["post", "/admin/shopee/exceptions/%00/retry", {}, "id"],
        ["get", "/admin/shopee/profiles/%00", undefined, "id"],
        ["patch", "/admin/shopee/credentials?env=live", { name: "Main\u0000" }, "name"],
        ["patch", "/admin/shopee/credentials?env=live", { default_location_id: "sloc_\u0000" }, "default_location_id"],
        ["post", "/admin/shopee/profiles", { environment: "live", name: "\u0000" }, "name"],
      ] as const)("%s %s answers 400 naming the field", async (method, path, body, field) => {
        const response = method === "get" ? await api.get(path, options) : await api[method](path, body, options)
        expect(response.status).toEqual(400)
        expect(response.data.message).toContain(`${field} must not contain a NUL character`)
      })

      it("a push code beyond any Shopee code is a 400, not a database overflow", async () => {
        const response = await get("/admin/shopee/events?code=3000000000")
        expect(response.status).toEqual(400)
        expect(response.data.message).toContain("code")
      })
    })

    it("every list needs an admin session", async () => {
      for (const path of [
        "/admin/shopee/orders",
        "/admin/shopee/exceptions",
        "/admin/shopee/events",
        "/admin/shopee/events/shevt_test0001",
      ]) {
        const response = await api.get(path, { validateStatus: () => true })
        expect(response.status).toEqual(401)
      }
    })
  },
})
