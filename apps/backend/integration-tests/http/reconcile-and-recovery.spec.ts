import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { SANDBOX_SHOP_ID } from "../helpers/sandbox"
import { control, medusaOrderCount, resetAndConnect, sandboxItemId, startOrderSandbox, type Sandbox } from "../helpers/connected-shop"
import { reconcileAndWait, reconcileRunEnded } from "../helpers/reconcile"
import { waitFor } from "../helpers/wait-for"
import { backfillShopeeOrders, reconcileThroughWorkflow as reconcileEnvironment } from "../../src/scripts/shopee-backfill"

jest.setTimeout(180 * 1000)

// Plugin internals the tests drive directly, as a job or a late push would.
const { syncShopeeOrder } = require("medusa-plugin-shopee/lib/orders/sync-shopee-order")
const { retryDueShopeeExceptionsWorkflow } = require("medusa-plugin-shopee/workflows")

medusaIntegrationTestRunner({
  inApp: true,
  env: { SHOPEE_ENCRYPTION_KEY: "34".repeat(32) },
  testSuite: ({ api, getContainer }) => {
    let sandbox: Sandbox
    let options: Awaited<ReturnType<typeof resetAndConnect>>
    const sql = () => getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
    const syncRow = async (orderSn: string) => (await sql()("shopee_order_sync").where({ order_sn: orderSn }))[0]
    const createShopeeOrder = async (sku: string, status: "UNPAID" | "READY_TO_SHIP" = "READY_TO_SHIP") =>
      control<{ order_sn: string }>(sandbox, "POST", "/_control/orders", {
        shop_id: SANDBOX_SHOP_ID,
        items: [{ item_id: await sandboxItemId(sandbox, sku), quantity: 1 }],
        status,
      })

    beforeAll(async () => {
      sandbox = await startOrderSandbox()
    })
    afterAll(async () => {
      await sandbox.close()
    })
    beforeEach(async () => {
      options = await resetAndConnect(api, getContainer(), sandbox)
    })

    it("recovers an order whose push was dropped, through reconciliation, and moves the watermark", async () => {
      await control(sandbox, "POST", "/_control/faults", { kind: "drop_push", code: 3 })
      const shopeeOrder = await createShopeeOrder("PKM-SV1-BB")
      await control(sandbox, "POST", "/_control/pushes/wait_idle")
      expect(await syncRow(shopeeOrder.order_sn)).toBeUndefined()

      const run = await reconcileAndWait(api, options)
      expect(run).toMatchObject({ status: "succeeded", phase: "done", error: null })
      expect(run.summary).toMatchObject({ environment: "sandbox", orders_seen: 1, import: { imported: 1, failed: 0 } })
      expect((await syncRow(shopeeOrder.order_sn)).order_id).toBeTruthy()
      const [cursor] = await sql()("shopee_sync_cursor")
      expect(Number(cursor.orders_updated_until)).toEqual(run.summary.time_to)

      // Nothing new since: the next run imports nothing and creates no second order.
      const again = await reconcileAndWait(api, options)
      expect(again.summary.import).toMatchObject({ imported: 0, failed: 0 })
      expect(await medusaOrderCount(getContainer(), shopeeOrder.order_sn)).toEqual(1)
    })

    it("ends a run failed with Shopee's error and request id when Shopee fails during reconciliation, and moves no watermark", async () => {
      await control(sandbox, "POST", "/_control/faults", { kind: "server_error", route: "/api/v2/order/get_order_list", status: 503 })
      const run = await reconcileAndWait(api, options)
      expect(run).toMatchObject({ status: "failed", summary: null })
      expect(run.error).toMatch(/^Shopee failed on \/api\/v2\/order\/get_order_list: error_server: .+ \(request id \S+\)$/)
      expect(await sql()("shopee_sync_cursor")).toHaveLength(0)
    })

    it("runs a reconciliation in the background: 202 with the run, its progress while it runs, one run at a time, and its end", async () => {
      const latest = async () => (await api.get("/admin/shopee/reconcile?env=sandbox", options)).data.run
      expect(await latest()).toBeNull()
      await control(sandbox, "POST", "/_control/faults", { kind: "drop_push", code: 3 })
      const shopeeOrder = await createShopeeOrder("PKM-SV1-BB")
      await control(sandbox, "POST", "/_control/pushes/wait_idle")
      // Shopee slow to answer the lost pushes: the run stays in the middle long enough to be seen there.
      await control(sandbox, "POST", "/_control/faults", {
        kind: "latency",
        route: "/api/v2/push/get_lost_push_message",
        latency_ms: 4000,
        times: 1,
      })

      const started = await api.post("/admin/shopee/reconcile?env=sandbox", {}, options)
      expect(started.status).toEqual(202)
      expect(started.data.run).toMatchObject({ environment: "sandbox", trigger: "admin", status: "running", summary: null, error: null })
      const runId = started.data.run.id

      const second = await api.post("/admin/shopee/reconcile?env=sandbox", {}, options)
      expect(second.status).toEqual(409)
      expect(second.data.message).toContain(`A reconciliation of sandbox orders (${runId}) is already running`)

      // The order imported, then waiting on Shopee: the progress is on the run, latest and by id.
      const midway = await waitFor(async () => {
        const run = await latest()
        return run.phase === "importing" && run
      }, 30_000)
      expect(midway).toMatchObject({ id: runId, status: "running", done: 1, total: 1 })
      expect((await api.get(`/admin/shopee/reconcile/runs/${runId}`, options)).data.run).toMatchObject({
        status: "running",
        phase: "importing",
      })

      const ended = await reconcileRunEnded(api, options, runId)
      expect(ended).toMatchObject({ status: "succeeded", phase: "done", summary: { orders_seen: 1, import: { imported: 1 } } })
      expect(await latest()).toMatchObject({ id: runId, status: "succeeded" })
      expect((await syncRow(shopeeOrder.order_sn)).order_id).toBeTruthy()
      // Ended, the next one may start.
      expect((await reconcileAndWait(api, options)).status).toEqual("succeeded")
    })

    it("names what is wrong with a reconcile request: unknown run, bad environment, no session", async () => {
      const unknown = await api.get("/admin/shopee/reconcile/runs/shrec_nope", options)
      expect([unknown.status, unknown.data.message]).toEqual([404, "Reconciliation run shrec_nope was not found"])
      for (const bad of [
        () => api.post("/admin/shopee/reconcile?env=production", {}, options),
        () => api.get("/admin/shopee/reconcile", options),
      ]) {
        const answer = await bad()
        expect(answer.status).toEqual(400)
        expect(answer.data.message).toContain("env")
      }
      const anonymous = { validateStatus: () => true }
      for (const request of [
        () => api.post("/admin/shopee/reconcile?env=sandbox", {}, anonymous),
        () => api.get("/admin/shopee/reconcile?env=sandbox", anonymous),
        () => api.get("/admin/shopee/reconcile/runs/shrec_nope", anonymous),
      ]) {
        expect((await request()).status).toEqual(401)
      }
      expect(await sql()("shopee_reconcile_run")).toHaveLength(0)
    })

    it("lets a run left running by a dead process block no new run once it has been silent too long", async () => {
      const { INTERRUPTED_AFTER_MS } = require("medusa-plugin-shopee/lib/reconcile/reconcile-run-state")
      const profile = (await api.get("/admin/shopee/credentials?env=sandbox", options)).data.profile
      const silentSince = new Date(Date.now() - INTERRUPTED_AFTER_MS - 1000)
      await sql()("shopee_reconcile_run").insert({
        id: "shrec_dead",
        environment: "sandbox",
        profile_id: profile.id,
        trigger: "admin",
        status: "running",
        started_at: silentSince,
        progress_at: silentSince,
      })
      const dead = (await api.get("/admin/shopee/reconcile/runs/shrec_dead", options)).data.run
      expect(dead).toMatchObject({ status: "failed", error: expect.stringContaining("Interrupted") })

      const run = await reconcileAndWait(api, options)
      expect(run.status).toEqual("succeeded")
      const [stored] = await sql()("shopee_reconcile_run").where({ id: "shrec_dead" })
      expect(stored).toMatchObject({ status: "failed", error: expect.stringContaining("Interrupted") })

      // A running run that reported recently still blocks.
      await sql()("shopee_reconcile_run").insert({
        id: "shrec_live",
        environment: "sandbox",
        profile_id: profile.id,
        trigger: "scheduled",
        status: "running",
        started_at: new Date(),
        progress_at: new Date(),
      })
      const refused = await api.post("/admin/shopee/reconcile?env=sandbox", {}, options)
      expect([refused.status, refused.data.message]).toEqual([409, expect.stringContaining("(shrec_live) is already running")])
    })

    it("recovers lost pushes (a callback that kept failing) and confirms them consumed", async () => {
      await control(sandbox, "PATCH", "/_control/partners/2001887", { callback_url: "http://127.0.0.1:9/unreachable" })
      const shopeeOrder = await createShopeeOrder("PKM-SV1-BB")
      await control(sandbox, "POST", "/_control/pushes/wait_idle")
      const lostBefore = await control<{ state: string }[]>(sandbox, "GET", "/_control/pushes?state=lost")
      expect(lostBefore.length).toBeGreaterThanOrEqual(1)

      const run = await reconcileAndWait(api, options)
      expect(run.summary.lost_pushes).toBeGreaterThanOrEqual(1)
      expect((await syncRow(shopeeOrder.order_sn)).order_id).toBeTruthy()
      const recovered = await sql()("shopee_raw_event").where({ path: "get_lost_push_message", order_sn: shopeeOrder.order_sn })
      expect(recovered[0]).toMatchObject({ code: 3, signature_ok: true })
      const lostAfter = await control<{ consumed: boolean }[]>(sandbox, "GET", "/_control/pushes?state=lost")
      expect(lostAfter.every((push) => push.consumed)).toBe(true)
    })

    it("processes a stored push its own processing missed once it has waited a minute, and leaves a newer one alone", async () => {
      const stranded = await createShopeeOrder("PKM-SV1-BB")
      const recent = await createShopeeOrder("PKM-SV1-BB")
      const processed = async (orderSn: string) =>
        (await sql()("shopee_raw_event").where({ order_sn: orderSn, status: "processed" })).length === 1
      for (const order of [stranded, recent]) await waitFor(() => processed(order.order_sn))
      // As a worker killed before acting on the event, or a database down when it arrived, leaves them.
      const strand = (orderSn: string, age: string) =>
        sql().raw(
          `update shopee_raw_event set status = 'pending', processed = false, status_reason = null, created_at = now() - interval '${age}' where order_sn = ?`,
          [orderSn]
        )
      await strand(stranded.order_sn, "5 minutes")
      await strand(recent.order_sn, "5 seconds")

      const run = await reconcileAndWait(api, options)
      expect(run.status).toEqual("succeeded")
      expect(run.summary.stranded_pushes).toEqual(1)
      const status = async (orderSn: string) =>
        (await sql()("shopee_raw_event").where({ order_sn: orderSn })).map((e: { status: string }) => e.status)
      expect(await status(stranded.order_sn)).toEqual(["processed"])
      expect(await status(recent.order_sn)).toEqual(["pending"])
    })

    it("backfills a date range from the CLI with progress, and names bad arguments", async () => {
      await control(sandbox, "POST", "/_control/faults", { kind: "drop_push", code: 3 })
      const orders = [await createShopeeOrder("PKM-SV1-BB"), await createShopeeOrder("PKM-SV1-BB")]
      const lines: string[] = []
      const from = new Date(Date.now() - 40 * 24 * 3600 * 1000).toISOString().slice(0, 10)
      const ok = await backfillShopeeOrders(
        getContainer(),
        ["env=sandbox", `from=${from}`],
        (line: string) => lines.push(line),
        reconcileEnvironment
      )
      expect(ok).toBe(true)
      expect(lines).toContain("listing: window 3/3")
      expect(lines).toContain("importing: 2/2 (100%)")
      expect(lines[lines.length - 1]).toMatch(/^done: 2 orders in range; 2 imported, /)
      for (const order of orders) expect((await syncRow(order.order_sn)).order_id).toBeTruthy()
      // A backfill leaves the reconciliation watermark alone.
      expect(await sql()("shopee_sync_cursor")).toHaveLength(0)

      const refused: string[] = []
      expect(await backfillShopeeOrders(getContainer(), ["env=prod"], (line: string) => refused.push(line), reconcileEnvironment)).toBe(
        false
      )
      expect(
        await backfillShopeeOrders(getContainer(), ["from=yesterday"], (line: string) => refused.push(line), reconcileEnvironment)
      ).toBe(false)
      expect(refused).toEqual([
        'env must be sandbox or live (got "prod")',
        'from and to must be dates with from before to, e.g. from=2026-10-01 to=2026-11-01 (got from="yesterday" to="")',
      ])
    })

    it("keeps the newest state when an older update arrives after a newer one", async () => {
      const shopeeOrder = await createShopeeOrder("PKM-SV1-BB")
      await waitFor(async () => (await syncRow(shopeeOrder.order_sn))?.paid, 30_000)
      await control(sandbox, "POST", `/_control/orders/${shopeeOrder.order_sn}/advance`)
      const newer = await waitFor(async () => {
        const row = await syncRow(shopeeOrder.order_sn)
        return row?.shopee_status === "PROCESSED" && row
      }, 30_000)

      const older = {
        order_sn: shopeeOrder.order_sn,
        currency: "SGD",
        order_status: "READY_TO_SHIP",
        update_time: Number(newer.shopee_update_time) - 60,
      }
      const { outcome } = await syncShopeeOrder(getContainer(), {
        environment: "sandbox",
        profile_id: newer.profile_id,
        shop_id: String(SANDBOX_SHOP_ID),
        detail: older,
      })
      expect(outcome).toEqual("stale")
      expect((await syncRow(shopeeOrder.order_sn)).shopee_status).toEqual("PROCESSED")
    })

    it("ends in the newest state when pushes are delivered out of order", async () => {
      await control(sandbox, "POST", "/_control/faults", { kind: "reorder_push", code: 3, batch: 3 })
      const shopeeOrder = await createShopeeOrder("PKM-SV1-BB", "UNPAID")
      await control(sandbox, "POST", `/_control/orders/${shopeeOrder.order_sn}/advance`)
      await control(sandbox, "POST", `/_control/orders/${shopeeOrder.order_sn}/advance`)
      await control(sandbox, "POST", "/_control/pushes/wait_idle")
      const row = await waitFor(async () => {
        // Status pushes only: reaching PROCESSED also brings the tracking-number push (code 4), as on Shopee.
        const events = await sql()("shopee_raw_event").where({ order_sn: shopeeOrder.order_sn, code: 3 })
        const settled = events.length === 3 && events.every((event: { status: string }) => event.status !== "pending")
        return settled && (await syncRow(shopeeOrder.order_sn))
      }, 30_000)
      expect(row.shopee_status).toEqual("PROCESSED")
      expect(row.paid).toBe(true)
      expect(await medusaOrderCount(getContainer(), shopeeOrder.order_sn)).toEqual(1)
    })

    it("replays a processed event without changing anything", async () => {
      const shopeeOrder = await createShopeeOrder("PKM-SV1-BB")
      const before = await waitFor(async () => {
        const row = await syncRow(shopeeOrder.order_sn)
        return row?.paid && row
      }, 30_000)
      // The event is marked processed just after the order is synced.
      const [event] = await waitFor(async () => {
        const rows = await sql()("shopee_raw_event").where({ order_sn: shopeeOrder.order_sn, status: "processed" })
        return rows.length > 0 && rows
      }, 30_000)

      const replay = await api.post(`/admin/shopee/events/${event.id}/replay`, {}, options)
      expect(replay.status).toEqual(200)
      expect(replay.data.outcome).toMatchObject({ status: "processed", reason: `Order ${shopeeOrder.order_sn}: unchanged` })
      expect(await medusaOrderCount(getContainer(), shopeeOrder.order_sn)).toEqual(1)
      const after = await syncRow(shopeeOrder.order_sn)
      expect(after).toMatchObject({
        order_id: before.order_id,
        shopee_status: before.shopee_status,
        shopee_update_time: before.shopee_update_time,
      })

      const [rejected] = await sql()("shopee_raw_event")
        .insert({ id: "shevt_rejected1", environment: "sandbox", path: "/x", raw_body: "{}", signature_ok: false, status: "rejected" })
        .returning("*")
      const refused = await api.post(`/admin/shopee/events/${rejected.id}/replay`, {}, options)
      expect(refused.status).toEqual(409)
      expect(refused.data.message).toContain("signature did not verify")
    })

    it("schedules a failed import with backoff, and the retry job imports it once Shopee answers again", async () => {
      const retryDueExceptions = async (container: unknown) => (await retryDueShopeeExceptionsWorkflow(container).run()).result
      await control(sandbox, "POST", "/_control/faults", { kind: "server_error", route: "/api/v2/order/get_order_detail" })
      const shopeeOrder = await createShopeeOrder("PKM-SV1-BB")
      const [failing] = await waitFor(async () => {
        const rows = await sql()("connector_exception").where({ kind: "order_import_failed", payload_ref: shopeeOrder.order_sn })
        return rows.length > 0 && rows
      }, 60_000)
      expect(failing).toMatchObject({ status: "retrying", attempts: 1 })
      expect(new Date(failing.next_attempt_at).getTime()).toBeGreaterThan(Date.now() + 30_000)
      // Not due yet: the job leaves it alone.
      expect(await retryDueExceptions(getContainer())).toEqual({ retried: 0, succeeded: 0 })

      await control(sandbox, "DELETE", "/_control/faults")
      await sql()("connector_exception")
        .where({ id: failing.id })
        .update({ next_attempt_at: new Date(Date.now() - 1000) })
      expect(await retryDueExceptions(getContainer())).toEqual({ retried: 1, succeeded: 1 })
      expect((await syncRow(shopeeOrder.order_sn)).order_id).toBeTruthy()
      const [settled] = await sql()("connector_exception").where({ id: failing.id })
      expect(settled.status).toEqual("resolved")
    })

    it("retries a held order from the exception queue once its SKU is fixed, and refuses to retry what needs a person", async () => {
      const shopeeOrder = await createShopeeOrder("NOT-IN-MEDUSA")
      const [held] = await waitFor(async () => {
        const rows = await sql()("connector_exception").where({ kind: "unknown_sku", payload_ref: shopeeOrder.order_sn })
        return rows.length > 0 && rows
      }, 30_000)

      const stillHeld = await api.post(`/admin/shopee/exceptions/${held.id}/retry`, {}, options)
      expect(stillHeld.status).toEqual(200)
      expect(stillHeld.data.outcome.status).toEqual("failed")
      expect(stillHeld.data.exception).toMatchObject({ status: "open", attempts: 1 })

      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const {
        data: [variant],
      } = await query.graph({ entity: "product_variant", fields: ["id"], filters: { sku: "PKM-SV1-BB" } })
      await getContainer().resolve(Modules.PRODUCT).updateProductVariants(variant.id, { sku: "NOT-IN-MEDUSA" })
      const retried = await api.post(`/admin/shopee/exceptions/${held.id}/retry`, {}, options)
      expect(retried.data.outcome).toEqual({ status: "done", message: `Order ${shopeeOrder.order_sn} synced` })
      expect(retried.data.exception.status).toEqual("resolved")
      expect((await syncRow(shopeeOrder.order_sn)).order_id).toBeTruthy()

      const [person] = await sql()("connector_exception")
        .insert({ id: "shexc_person1", environment: "sandbox", kind: "shop_deauthorized", message: "Reconnect", status: "open" })
        .returning("*")
      const refused = await api.post(`/admin/shopee/exceptions/${person.id}/retry`, {}, options)
      expect(refused.status).toEqual(400)
      expect(refused.data.message).toContain("cannot be retried")
    })
  },
})
