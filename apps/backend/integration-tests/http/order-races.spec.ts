import http from "node:http"
import type { AddressInfo } from "node:net"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { allowApiBaseUrl, SANDBOX_SHOP_ID, signPush } from "../helpers/sandbox"
import { control, medusaOrderCount, resetAndConnect, sandboxItemId, startOrderSandbox, type Sandbox } from "../helpers/connected-shop"
import { waitFor } from "../helpers/wait-for"
import { reconcileAndWait } from "../helpers/reconcile"

jest.setTimeout(180 * 1000)

const WEBHOOK_PATH = "/connectors/shopee/webhook/sandbox"

type RawEvent = {
  id: string
  order_sn: string
  status: string
  status_reason: string | null
  duplicate_of: string | null
  shopee_timestamp: string | null
  created_at: Date
}

/**
 * Stands between the connector and the simulator like a Shopee read replica that lags: it passes
 * every call through, remembers the last `get_order_detail` answer, and once frozen answers that
 * call with an old snapshot. Shopee's reads are not guaranteed to be current, so a push can be
 * followed by a detail older than the one already applied; the simulator itself always answers
 * with the current order, which is why a test through it alone cannot see the staleness guard.
 */
async function startLaggingReplica(upstream: string) {
  let lastDetail: string | null = null
  let frozenDetail: string | null = null
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const isDetail = (req.url ?? "").startsWith("/api/v2/order/get_order_detail")
    if (isDetail && frozenDetail) {
      res.writeHead(200, { "content-type": "application/json" }).end(frozenDetail)
      return
    }
    const answer = await fetch(`${upstream}${req.url}`, {
      method: req.method,
      headers: req.headers["content-type"] ? { "content-type": String(req.headers["content-type"]) } : {},
      body: chunks.length > 0 ? Buffer.concat(chunks) : undefined,
    })
    const text = await answer.text()
    if (isDetail && answer.ok) lastDetail = text
    res.writeHead(answer.status, { "content-type": answer.headers.get("content-type") ?? "application/json" }).end(text)
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  allowApiBaseUrl(url)
  return {
    url,
    lastDetail: () => lastDetail,
    freeze: (detail: string) => {
      frozenDetail = detail
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

medusaIntegrationTestRunner({
  inApp: true,
  env: { SHOPEE_ENCRYPTION_KEY: "56".repeat(32) },
  testSuite: ({ api, getContainer }) => {
    let sandbox: Sandbox
    let options: Awaited<ReturnType<typeof resetAndConnect>>
    const sql = () => getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
    const syncRows = (orderSn: string) => sql()("shopee_order_sync").where({ order_sn: orderSn })
    const webhookEvents = (orderSn: string): Promise<RawEvent[]> =>
      sql()("shopee_raw_event").where({ order_sn: orderSn, path: WEBHOOK_PATH }).orderBy("created_at", "asc")
    const createShopeeOrder = async (status: "UNPAID" | "READY_TO_SHIP" = "READY_TO_SHIP") =>
      control<{ order_sn: string; update_time: number }>(sandbox, "POST", "/_control/orders", {
        shop_id: SANDBOX_SHOP_ID,
        items: [{ item_id: await sandboxItemId(sandbox, "PKM-SV1-BB"), quantity: 1 }],
        status,
      })
    const importFailures = (orderSn: string) =>
      sql()("connector_exception").where({ payload_ref: orderSn }).whereIn("kind", ["order_import_failed", "push_processing_failed"])
    /** A code 3 push as Shopee sends it, signed for this server's push URL. */
    const orderPushBody = (orderSn: string, status: string, timestamp: number) =>
      JSON.stringify({
        data: { items: [], ordersn: orderSn, status, completed_scenario: "", update_time: timestamp },
        shop_id: SANDBOX_SHOP_ID,
        code: 3,
        timestamp,
      })
    const sendPush = (body: string) =>
      api.post(WEBHOOK_PATH, body, {
        headers: { "content-type": "application/json", authorization: signPush(`${api.defaults.baseURL}${WEBHOOK_PATH}`, body) },
        transformRequest: [(data: string) => data],
        validateStatus: () => true,
      })
    const waitForSettledEvents = (orderSn: string, count: number) =>
      waitFor(async () => {
        const events = await webhookEvents(orderSn)
        return events.length === count && events.every((event) => event.status !== "pending") && events
      }, 60_000)

    beforeAll(async () => {
      sandbox = await startOrderSandbox()
    })
    afterAll(async () => {
      await sandbox.close()
    })
    beforeEach(async () => {
      options = await resetAndConnect(api, getContainer(), sandbox)
    })

    it("ignores a detail older than the one applied when Shopee answers a push with a stale read", async () => {
      const replica = await startLaggingReplica(sandbox.url)
      try {
        await api.patch("/admin/shopee/credentials?env=sandbox", { api_base_url: replica.url }, options)
        const shopeeOrder = await createShopeeOrder("READY_TO_SHIP")
        await waitFor(async () => (await syncRows(shopeeOrder.order_sn))[0]?.paid, 30_000)
        const olderDetail = replica.lastDetail()
        expect(olderDetail).toContain('"order_status":"READY_TO_SHIP"')

        // Shopee's update_time counts seconds: move the simulator's clock so the next status is
        // strictly newer, as it is at Shopee whenever two changes are a second or more apart.
        await control(sandbox, "POST", "/_control/clock", { advance_ms: 2000 })
        await control(sandbox, "POST", `/_control/orders/${shopeeOrder.order_sn}/advance`)
        const newer = await waitFor(async () => {
          const [row] = await syncRows(shopeeOrder.order_sn)
          return row?.shopee_status === "PROCESSED" && row
        }, 30_000)

        // A later push whose refetch reads the old READY_TO_SHIP snapshot.
        replica.freeze(olderDetail!)
        const timestamp = Number(newer.shopee_update_time) + 1
        expect((await sendPush(orderPushBody(shopeeOrder.order_sn, "PROCESSED", timestamp))).status).toEqual(200)
        const lateEvent = await waitFor(async () => {
          const [event] = await sql()("shopee_raw_event").where({
            order_sn: shopeeOrder.order_sn,
            path: WEBHOOK_PATH,
            shopee_timestamp: timestamp,
          })
          return event?.status !== "pending" && event
        }, 30_000)

        expect(lateEvent).toMatchObject({ status: "processed", status_reason: `Order ${shopeeOrder.order_sn}: stale` })
        const [after] = await syncRows(shopeeOrder.order_sn)
        expect(after).toMatchObject({ shopee_status: "PROCESSED", shopee_update_time: newer.shopee_update_time, order_id: newer.order_id })
      } finally {
        await replica.close()
      }
    })

    it("stores ten identical pushes arriving at once as one event counting nine duplicates, and makes one order", async () => {
      // The simulator's own push is dropped so that the ten below are the only ones.
      await control(sandbox, "POST", "/_control/faults", { kind: "drop_push", code: 3 })
      const shopeeOrder = await createShopeeOrder()
      const body = orderPushBody(shopeeOrder.order_sn, "READY_TO_SHIP", shopeeOrder.update_time)

      const responses = await Promise.all(Array.from({ length: 10 }, () => sendPush(body)))
      expect(responses.map((response) => response.status)).toEqual(Array(10).fill(200))

      // The repeats are counted on the first delivery's row, not stored again (issue 19's bound).
      const [event] = await waitForSettledEvents(shopeeOrder.order_sn, 1)
      expect(event).toMatchObject({ status: "processed", duplicate_count: 9 })
      expect(await syncRows(shopeeOrder.order_sn)).toHaveLength(1)
      expect((await syncRows(shopeeOrder.order_sn))[0].order_id).toBeTruthy()
      expect(await medusaOrderCount(getContainer(), shopeeOrder.order_sn)).toEqual(1)
      expect(await importFailures(shopeeOrder.order_sn)).toHaveLength(0)
    })

    it("makes one order from ten pushes for the same order with different timestamps arriving at once", async () => {
      await control(sandbox, "POST", "/_control/faults", { kind: "drop_push", code: 3 })
      const shopeeOrder = await createShopeeOrder()
      const bodies = Array.from({ length: 10 }, (_, index) =>
        orderPushBody(shopeeOrder.order_sn, "READY_TO_SHIP", shopeeOrder.update_time + index)
      )

      const responses = await Promise.all(bodies.map((body) => sendPush(body)))
      expect(responses.map((response) => response.status)).toEqual(Array(10).fill(200))

      // Each is a push of its own: all stored and processed, none failed.
      const events = await waitForSettledEvents(shopeeOrder.order_sn, 10)
      expect(events.map((event) => event.status)).toEqual(Array(10).fill("processed"))
      expect(events.filter((event) => event.status_reason === `Order ${shopeeOrder.order_sn}: imported`).length).toBeLessThanOrEqual(1)
      expect(await syncRows(shopeeOrder.order_sn)).toHaveLength(1)
      expect((await syncRows(shopeeOrder.order_sn))[0]).toMatchObject({ state: "imported", paid: true })
      expect(await medusaOrderCount(getContainer(), shopeeOrder.order_sn)).toEqual(1)
      expect(await importFailures(shopeeOrder.order_sn)).toHaveLength(0)
    })

    it("answers an order's waiting pushes with one fetch of the order, and marks each with the push that fetched it", async () => {
      const shopeeOrder = await createShopeeOrder()
      await waitFor(async () => (await syncRows(shopeeOrder.order_sn))[0]?.order_id, 30_000)
      // Moved on at Shopee, its own push lost: the pushes below are the only news of it.
      await control(sandbox, "POST", "/_control/faults", { kind: "drop_push", code: 3 })
      await control(sandbox, "POST", `/_control/orders/${shopeeOrder.order_sn}/advance`)
      // A backlog of this order's pushes that nothing took up yet (a worker catching up after a burst).
      const backlog = Array.from({ length: 3 }, (_, index) => ({
        id: `shevt_backlog_${index}_${shopeeOrder.order_sn}`,
        environment: "sandbox",
        path: WEBHOOK_PATH,
        raw_body: orderPushBody(shopeeOrder.order_sn, "PROCESSED", shopeeOrder.update_time + 10 + index),
        signature_ok: true,
        code: 3,
        order_sn: shopeeOrder.order_sn,
        dedupe_key: `backlog-${index}-${shopeeOrder.order_sn}`,
        status: "pending",
      }))
      await sql()("shopee_raw_event").insert(backlog)
      const [{ created_at: backlogStoredAt }] = await sql()("shopee_raw_event").where({ id: backlog[0].id }).select("created_at")
      await control(sandbox, "DELETE", "/_control/requests")

      const lastTimestamp = shopeeOrder.update_time + 20
      expect((await sendPush(orderPushBody(shopeeOrder.order_sn, "PROCESSED", lastTimestamp))).status).toEqual(200)
      const events = await waitFor(async () => {
        const current = await webhookEvents(shopeeOrder.order_sn)
        const settled = current.every((event) => event.status !== "pending")
        return settled && current.some((event) => Number(event.shopee_timestamp) === lastTimestamp) && current
      }, 60_000)
      // Each waiting push is answered by the fetch of one push that arrived after it.
      const after = events.filter((event) => !event.id.startsWith("shevt_backlog_") && event.created_at > backlogStoredAt)
      const fetchedBy = new Set(
        backlog.map(({ id }) => events.find((event) => event.id === id)?.status_reason?.match(/fetched for push (\S+),/)?.[1])
      )
      expect(fetchedBy.size).toEqual(1)
      const [fetcher] = [...fetchedBy]
      expect(after.map((event) => event.id)).toContain(fetcher)
      for (const { id } of backlog) {
        expect(events.find((event) => event.id === id)).toMatchObject({
          status: "processed",
          status_reason: `Order ${shopeeOrder.order_sn}: ${events.find((event) => event.id === fetcher)!.status_reason!.split(": ")[1]} (fetched for push ${fetcher}, after this one arrived)`,
        })
      }
      // At most one fetch per push that arrived after the backlog; one per push would be three more.
      const details = await control<{ query: Record<string, string> }[]>(
        sandbox,
        "GET",
        "/_control/requests?path=/api/v2/order/get_order_detail"
      )
      expect(details.filter((entry) => entry.query.order_sn_list?.includes(shopeeOrder.order_sn)).length).toBeLessThanOrEqual(after.length)
      expect((await syncRows(shopeeOrder.order_sn))[0]).toMatchObject({ shopee_status: "PROCESSED" })
    })

    it("imports twenty different orders pushed at once, none failing for want of a database connection", async () => {
      await control(sandbox, "POST", "/_control/faults", { kind: "drop_push", code: 3 })
      const shopeeOrders = []
      for (let index = 0; index < 20; index++) shopeeOrders.push(await createShopeeOrder())

      const responses = await Promise.all(
        shopeeOrders.map((order) => sendPush(orderPushBody(order.order_sn, "READY_TO_SHIP", order.update_time)))
      )
      expect(responses.map((response) => response.status)).toEqual(Array(20).fill(200))

      for (const order of shopeeOrders) {
        const [event] = await waitForSettledEvents(order.order_sn, 1)
        expect(event).toMatchObject({ status: "processed", status_reason: `Order ${order.order_sn}: imported` })
        expect(await medusaOrderCount(getContainer(), order.order_sn)).toEqual(1)
        expect(await importFailures(order.order_sn)).toHaveLength(0)
      }
    })

    it("makes one order when an order's push and a reconciliation arrive at the same moment", async () => {
      await control(sandbox, "POST", "/_control/faults", { kind: "drop_push", code: 3 })
      const orderSns: string[] = []
      for (let round = 0; round < 3; round++) {
        const shopeeOrder = await createShopeeOrder()
        orderSns.push(shopeeOrder.order_sn)
        // Each reconciliation also re-reads the earlier orders (its window overlaps), so every
        // round races this order's first import and the earlier orders' updates.
        const [pushed, reconciled] = await Promise.all([
          sendPush(orderPushBody(shopeeOrder.order_sn, "READY_TO_SHIP", shopeeOrder.update_time)),
          reconcileAndWait(api, options),
        ])
        expect(pushed.status).toEqual(200)
        expect(reconciled.status).toEqual("succeeded")
        expect(reconciled.summary.import).toMatchObject({ failed: 0 })
      }

      for (const orderSn of orderSns) {
        const [event] = await waitForSettledEvents(orderSn, 1)
        expect(event.status).toEqual("processed")
        expect(await syncRows(orderSn)).toHaveLength(1)
        expect((await syncRows(orderSn))[0].order_id).toBeTruthy()
        expect(await medusaOrderCount(getContainer(), orderSn)).toEqual(1)
        expect(await importFailures(orderSn)).toHaveLength(0)
      }
    })
  },
})
