import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { SANDBOX_SHOP_ID } from "../helpers/sandbox"
import { control, resetAndConnect, sandboxItemId, startOrderSandbox, type Sandbox } from "../helpers/connected-shop"
import { waitFor } from "../helpers/wait-for"

jest.setTimeout(180 * 1000)

const pollLabelsJob = () => require("medusa-plugin-shopee/jobs/poll-shopee-labels").default as (container: MedusaContainer) => Promise<void>

type SyncRow = {
  id: string
  order_sn: string
  order_id: string | null
  state: string
  shopee_status: string
  tracking_number: string | null
  label_state: string | null
  label_reason: string | null
  label_document_type: string | null
  label_file_id: string | null
  label_file_url: string | null
  label_ready_at: string | null
}

medusaIntegrationTestRunner({
  inApp: true,
  env: { SHOPEE_ENCRYPTION_KEY: "35".repeat(32), SHOPEE_JOBS: "poll-shopee-labels" },
  testSuite: ({ api, getContainer }) => {
    let sandbox: Sandbox
    let options: Awaited<ReturnType<typeof resetAndConnect>>
    const sql = () => getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
    const syncRow = async (orderSn: string): Promise<SyncRow | undefined> =>
      (await sql()("shopee_order_sync").where({ order_sn: orderSn }))[0]
    /** The answer's status, with its body when it is not the one expected (so a failure says why). */
    const statusOf = (response: { status: number; data: unknown }, expected: number) =>
      response.status === expected
        ? expected
        : `${response.status} ${Buffer.isBuffer(response.data) ? response.data.toString() : JSON.stringify(response.data)}`

    /** A paid Shopee order, imported into Medusa through its push. */
    const importedOrder = async () => {
      const created = await control<{ order_sn: string }>(sandbox, "POST", "/_control/orders", {
        shop_id: SANDBOX_SHOP_ID,
        items: [{ item_id: await sandboxItemId(sandbox, "PKM-SV1-BB"), quantity: 1 }],
        status: "READY_TO_SHIP",
      })
      return waitFor(async () => {
        const row = await syncRow(created.order_sn)
        return row?.state === "imported" && row.order_id ? row : undefined
      }, 30_000)
    }
    /** An imported order arranged for drop-off from Medusa; the simulator numbers it at once. */
    const arrangedOrder = async () => {
      const row = await importedOrder()
      const shipped = await api.post(`/admin/shopee/orders/${row.id}/ship`, { mode: "dropoff", branch_id: 3001 }, options)
      expect(statusOf(shipped, 200)).toEqual(200)
      expect(shipped.data.shipment.tracking_number).toBeTruthy()
      return (await syncRow(row.order_sn))!
    }
    const requestLabel = (row: SyncRow) => api.post(`/admin/shopee/orders/${row.id}/label`, {}, { ...options, validateStatus: () => true })
    const labelFile = (row: SyncRow) =>
      api.get(`/admin/shopee/orders/${row.id}/label/file`, { ...options, responseType: "arraybuffer", validateStatus: () => true })
    const calls = async (path: string, orderSn: string) =>
      (await control<{ body: { order_list?: { order_sn: string }[] } | null }[]>(sandbox, "GET", `/_control/requests?path=${path}`)).filter(
        (entry) => entry.body?.order_list?.some((order) => order.order_sn === orderSn)
      ).length
    const labelExceptions = async (orderSn: string) =>
      sql()("connector_exception").where({ kind: "label_failed", payload_ref: orderSn }).orderBy("created_at")

    beforeAll(async () => {
      sandbox = await startOrderSandbox()
    })
    afterAll(async () => {
      await sandbox.close()
    })
    beforeEach(async () => {
      options = await resetAndConnect(api, getContainer(), sandbox)
    })

    it("stores the label of an arranged order through the File module as soon as Shopee has it, and serves it as a PDF", async () => {
      const row = await arrangedOrder()
      expect((await api.get(`/admin/shopee/orders/${row.id}/label`, options)).data).toEqual({
        label: { state: null, url: null, reason: null },
      })

      const requested = await requestLabel(row)
      expect(statusOf(requested, 200)).toEqual(200)
      expect(requested.data).toEqual({ label: { state: "ready", url: `/admin/shopee/orders/${row.id}/label/file`, reason: null } })

      const stored = (await syncRow(row.order_sn))!
      expect(stored).toMatchObject({ label_state: "ready", label_document_type: "THERMAL_AIR_WAYBILL", label_reason: null })
      expect(stored.label_ready_at).not.toBeNull()
      const files = getContainer().resolve(Modules.FILE)
      expect((await files.retrieveFile(stored.label_file_id!)).url).toEqual(stored.label_file_url)
      const inFileModule = (await files.getAsBuffer(stored.label_file_id!)).toString("latin1")
      expect(inFileModule.startsWith("%PDF-")).toBe(true)
      expect(inFileModule).toContain(`(Order: ${row.order_sn})`)

      const served = await labelFile(row)
      expect(statusOf(served, 200)).toEqual(200)
      expect(served.headers["content-type"]).toMatch(/^application\/pdf/)
      const pdf = Buffer.from(served.data).toString("latin1")
      expect(pdf.startsWith("%PDF-")).toBe(true)
      expect(pdf).toContain(`(Tracking number: ${stored.tracking_number})`)

      // Asked again: the label is answered as it is, and Shopee makes no second document.
      expect((await requestLabel(row)).data).toEqual(requested.data)
      expect(await calls("/api/v2/logistics/create_shipping_document", row.order_sn)).toEqual(1)
      expect(await calls("/api/v2/logistics/download_shipping_document", row.order_sn)).toEqual(1)

      const widget = await api.get(`/admin/shopee/orders/by-order/${row.order_id}`, options)
      expect(widget.data.label).toEqual(requested.data.label)
      expect((await api.get(`/admin/shopee/orders/${row.id}/label`, options)).data).toEqual(requested.data)
    })

    it("waits while Shopee makes the label, then stores it when push 15 says it is ready", async () => {
      await control(sandbox, "PATCH", "/_control/shipping-documents", { ready_delay_ms: 60 * 60 * 1000 })
      const row = await arrangedOrder()
      const requested = await requestLabel(row)
      expect(statusOf(requested, 200)).toEqual(200)
      expect(requested.data.label).toEqual({ state: "requested", url: null, reason: null })
      const early = await labelFile(row)
      expect(statusOf(early, 409)).toEqual(409)
      expect(JSON.parse(Buffer.from(early.data).toString()).message).toMatch(/not ready \(requested\)/)

      await control(sandbox, "POST", `/_control/orders/${row.order_sn}/shipping-document/ready`)
      const ready = await waitFor(async () => {
        const current = await syncRow(row.order_sn)
        return current?.label_state === "ready" ? current : undefined
      }, 30_000)
      expect(ready.label_file_id).toBeTruthy()
      const [event] = await sql()("shopee_raw_event").where({ code: 15, order_sn: row.order_sn })
      expect(event).toMatchObject({ status: "processed" })
      expect(
        Buffer.from((await labelFile(row)).data)
          .toString("latin1")
          .startsWith("%PDF-")
      ).toBe(true)
      expect(await calls("/api/v2/logistics/create_shipping_document", row.order_sn)).toEqual(1)
    })

    it("stores a label Shopee made without a push when the scheduled poll reads its result", async () => {
      // A minute, moved on the simulator's clock: within Shopee's timestamp window, so the store's signatures stay valid.
      await control(sandbox, "PATCH", "/_control/shipping-documents", { ready_delay_ms: 60 * 1000 })
      const row = await arrangedOrder()
      expect((await requestLabel(row)).data.label.state).toEqual("requested")
      await pollLabelsJob()(getContainer())
      expect((await syncRow(row.order_sn))!.label_state).toEqual("requested")

      await control(sandbox, "POST", "/_control/clock", { advance_ms: 60 * 1000 })
      await pollLabelsJob()(getContainer())
      const polled = (await syncRow(row.order_sn))!
      expect(polled.label_state).toEqual("ready")
      expect(polled.label_file_id).toBeTruthy()
      expect(await calls("/api/v2/logistics/create_shipping_document", row.order_sn)).toEqual(1)
    })

    it("refuses with the reason an order not arranged, one without a tracking number yet, and a cancelled one", async () => {
      const unarranged = await importedOrder()
      const refused = await requestLabel(unarranged)
      expect(statusOf(refused, 409)).toEqual(409)
      expect(refused.data.message).toMatch(/not arranged yet/)

      await control(sandbox, "PATCH", "/_control/logistics", { tracking_delay_ms: 60 * 60 * 1000 })
      const numberless = await importedOrder()
      expect(
        statusOf(await api.post(`/admin/shopee/orders/${numberless.id}/ship`, { mode: "dropoff", branch_id: 3001 }, options), 200)
      ).toEqual(200)
      const early = await requestLabel(numberless)
      expect(statusOf(early, 409)).toEqual(409)
      expect(early.data.message).toMatch(/no tracking number yet/)

      await control(sandbox, "POST", `/_control/orders/${unarranged.order_sn}/cancel`, { cancel_by: "buyer", reason: "Changed mind" })
      await waitFor(async () => (await syncRow(unarranged.order_sn))?.shopee_status === "CANCELLED", 30_000)
      const cancelled = await requestLabel(unarranged)
      expect(statusOf(cancelled, 409)).toEqual(409)
      expect(cancelled.data.message).toMatch(/cancelled on Shopee/)

      expect(await calls("/api/v2/logistics/create_shipping_document", unarranged.order_sn)).toEqual(0)
      expect(await calls("/api/v2/logistics/create_shipping_document", numberless.order_sn)).toEqual(0)
      expect((await syncRow(unarranged.order_sn))!.label_state).toBeNull()
    })

    it("prints the labels of several orders in one PDF, a page each, and names the orders without a ready label", async () => {
      const first = await arrangedOrder()
      const second = await arrangedOrder()
      for (const row of [first, second]) expect((await requestLabel(row)).data.label.state).toEqual("ready")
      const unlabelled = await arrangedOrder()

      const bulk = await api.post(
        "/admin/shopee/orders/labels",
        { ids: [first.id, second.id] },
        { ...options, responseType: "arraybuffer", validateStatus: () => true }
      )
      expect(statusOf(bulk, 200)).toEqual(200)
      expect(bulk.headers["content-type"]).toMatch(/^application\/pdf/)
      const pdf = Buffer.from(bulk.data).toString("latin1")
      expect(pdf.startsWith("%PDF-")).toBe(true)
      expect(pdf).toContain("/Count 2")
      expect(pdf.match(/\/Type \/Page /g)).toHaveLength(2)
      for (const row of [first, second]) expect(pdf).toContain(`(Tracking number: ${row.tracking_number})`)

      const missing = await api.post(
        "/admin/shopee/orders/labels",
        { ids: [first.id, unlabelled.id, "shord_nope"] },
        { ...options, validateStatus: () => true }
      )
      expect(statusOf(missing, 400)).toEqual(400)
      expect(missing.data.message).toEqual(`These Shopee orders have no ready label: ${unlabelled.id}, shord_nope`)

      const empty = await api.post("/admin/shopee/orders/labels", { ids: [] }, { ...options, validateStatus: () => true })
      expect(statusOf(empty, 400)).toEqual(400)
      expect(empty.data.message).toMatch(/'ids' too small/)
    })

    it("records a failed label with Shopee's reason as an exception whose retry asks for the label again", async () => {
      const row = await arrangedOrder()
      await control(sandbox, "POST", `/_control/orders/${row.order_sn}/shipping-document`, { fail_next: "Carrier system unavailable" })
      const failed = await requestLabel(row)
      expect(statusOf(failed, 200)).toEqual(200)
      expect(failed.data.label).toEqual({ state: "failed", url: null, reason: "Shopee: Carrier system unavailable" })
      const [exception, ...more] = await labelExceptions(row.order_sn)
      expect(more).toEqual([])
      expect(exception).toMatchObject({ status: "open", environment: "sandbox" })
      expect(exception.message).toContain("Carrier system unavailable")

      const retried = await api.post(`/admin/shopee/exceptions/${exception.id}/retry`, {}, { ...options, validateStatus: () => true })
      expect(statusOf(retried, 200)).toEqual(200)
      expect((await syncRow(row.order_sn))!.label_state).toEqual("ready")
      expect((await labelExceptions(row.order_sn)).map((e: { status: string }) => e.status)).toEqual(["resolved"])
      expect(await calls("/api/v2/logistics/create_shipping_document", row.order_sn)).toEqual(2)
    })
  },
})
