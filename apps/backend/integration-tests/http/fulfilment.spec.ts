import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { SANDBOX_SHOP_ID } from "../helpers/sandbox"
import { control, resetAndConnect, sandboxItemId, startOrderSandbox, type Sandbox } from "../helpers/connected-shop"
import { waitFor } from "../helpers/wait-for"

jest.setTimeout(180 * 1000)

type SyncRow = {
  id: string
  order_sn: string
  order_id: string | null
  state: string
  shopee_status: string
  tracking_number: string | null
  shipment_state: string | null
  shipment_mode: string | null
  fulfillment_id: string | null
}
type Fulfilment = { id: string; location_id: string; canceled_at: string | null; labels: { tracking_number: string }[] }
type Logistics = {
  order_status: string
  tracking_number: string
  arrangement: { mode: string; address_id: number | null; pickup_time_id: string | null; branch_id: number | null } | null
}

medusaIntegrationTestRunner({
  inApp: true,
  env: { SHOPEE_ENCRYPTION_KEY: "34".repeat(32) },
  testSuite: ({ api, getContainer }) => {
    let sandbox: Sandbox
    let options: Awaited<ReturnType<typeof resetAndConnect>>
    const sql = () => getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
    const syncRow = async (orderSn: string): Promise<SyncRow | undefined> =>
      (await sql()("shopee_order_sync").where({ order_sn: orderSn }))[0]

    /** A paid Shopee order, imported into Medusa through its push. */
    const importedOrder = async (sku = "PKM-SV1-BB") => {
      const created = await control<{ order_sn: string }>(sandbox, "POST", "/_control/orders", {
        shop_id: SANDBOX_SHOP_ID,
        items: [{ item_id: await sandboxItemId(sandbox, sku), quantity: 1 }],
        status: "READY_TO_SHIP",
      })
      return waitFor(async () => {
        const row = await syncRow(created.order_sn)
        return row?.state === "imported" && row.order_id ? row : undefined
      }, 30_000)
    }
    const ship = (row: SyncRow, body: Record<string, unknown>) => api.post(`/admin/shopee/orders/${row.id}/ship`, body, options)
    /** The answer's status, with its body when it is not the one expected (so a failure says why). */
    const statusOf = (response: { status: number; data: unknown }, expected: number) =>
      response.status === expected ? expected : `${response.status} ${JSON.stringify(response.data)}`
    const logistics = (orderSn: string) => control<Logistics>(sandbox, "GET", `/_control/orders/${orderSn}/logistics`)
    const shipOrderCalls = async (orderSn: string) =>
      (
        await control<{ body: { order_sn?: string } | null }[]>(sandbox, "GET", "/_control/requests?path=/api/v2/logistics/ship_order")
      ).filter((entry) => entry.body?.order_sn === orderSn).length
    const fulfilments = async (orderId: string): Promise<Fulfilment[]> => {
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const {
        data: [order],
      } = await query.graph({
        entity: "order",
        fields: ["fulfillments.id", "fulfillments.location_id", "fulfillments.canceled_at", "fulfillments.labels.tracking_number"],
        filters: { id: orderId },
      })
      return (order.fulfillments ?? []) as unknown as Fulfilment[]
    }
    /** Where Medusa holds the order's stock: its sales channel's (Shopee's) stock location. */
    const channelLocation = async (orderId: string) => {
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const {
        data: [order],
      } = await query.graph({ entity: "order", fields: ["sales_channel_id"], filters: { id: orderId } })
      const {
        data: [channel],
      } = await query.graph({ entity: "sales_channel", fields: ["stock_locations.id"], filters: { id: order.sales_channel_id! } })
      return channel.stock_locations?.[0]?.id
    }

    beforeAll(async () => {
      sandbox = await startOrderSandbox()
    })
    afterAll(async () => {
      await sandbox.close()
    })
    beforeEach(async () => {
      options = await resetAndConnect(api, getContainer(), sandbox)
    })
    // A push still being delivered or processed when a test ends would run on into the next test's
    // reset, or into the runner's teardown (holding the pool while it drops the database).
    afterEach(async () => {
      await control(sandbox, "POST", "/_control/pushes/wait_idle")
      await waitFor(async () => (await sql()("shopee_raw_event").where({ status: "pending" })).length === 0, 60_000)
    })

    it("arranges a pickup at Shopee's recommended slot, creates the Medusa fulfilment at the order's stock location with the tracking label", async () => {
      const row = await importedOrder()
      const offered = await api.get(`/admin/shopee/orders/${row.id}/shipping-parameter`, options)
      expect(statusOf(offered, 200)).toEqual(200)
      const address = offered.data.shipping_parameter.pickup.address_list.find((a: { address_flag: string[] }) =>
        a.address_flag.includes("default_address")
      )
      const recommended = address.time_slot_list.find((slot: { flags: string[] }) => slot.flags.includes("recommended"))
      expect(address.time_slot_list[0].pickup_time_id).not.toEqual(recommended.pickup_time_id)

      const response = await ship(row, { mode: "pickup" })
      expect(statusOf(response, 200)).toEqual(200)
      expect(response.data.shipment).toMatchObject({ outcome: "arranged", mode: "pickup", ship_order_calls: 1 })

      const onShopee = await logistics(row.order_sn)
      expect(onShopee.order_status).toEqual("PROCESSED")
      expect(onShopee.arrangement).toMatchObject({
        mode: "pickup",
        address_id: address.address_id,
        pickup_time_id: recommended.pickup_time_id,
      })
      const [fulfilment, ...more] = await fulfilments(row.order_id!)
      expect(more).toEqual([])
      expect(fulfilment.location_id).toEqual(await channelLocation(row.order_id!))
      expect(fulfilment.labels.map((label) => label.tracking_number)).toEqual([onShopee.tracking_number])
      expect(await syncRow(row.order_sn)).toMatchObject({
        shipment_state: "arranged",
        shipment_mode: "pickup",
        fulfillment_id: fulfilment.id,
        tracking_number: onShopee.tracking_number,
      })
    })

    it("drops off at the branch the operator chose; without a branch it answers 400 naming branch_id", async () => {
      const row = await importedOrder()
      const missing = await ship(row, { mode: "dropoff" })
      expect(statusOf(missing, 400)).toEqual(400)
      expect(missing.data).toMatchObject({ field: "branch_id" })
      expect(missing.data.message).toContain("3001, 3002")
      expect(await shipOrderCalls(row.order_sn)).toEqual(0)

      const response = await ship(row, { mode: "dropoff", branch_id: 3002 })
      expect(statusOf(response, 200)).toEqual(200)
      expect((await logistics(row.order_sn)).arrangement).toMatchObject({ mode: "dropoff", branch_id: 3002 })
      expect(await fulfilments(row.order_id!)).toHaveLength(1)
    })

    it("ships a non-integrated channel with the tracking number the operator typed, which lands on the label", async () => {
      const row = await importedOrder()
      await control(sandbox, "POST", `/_control/orders/${row.order_sn}/logistics`, { modes: ["non_integrated"] })
      const untyped = await ship(row, { mode: "non_integrated" })
      expect(statusOf(untyped, 400)).toEqual(400)
      expect(untyped.data.message).toContain("tracking_number")

      const response = await ship(row, { mode: "non_integrated", tracking_number: "OWNCARRIER-778" })
      expect(statusOf(response, 200)).toEqual(200)
      expect(response.data.shipment).toMatchObject({ mode: "non_integrated", tracking_number: "OWNCARRIER-778" })
      expect((await logistics(row.order_sn)).tracking_number).toEqual("OWNCARRIER-778")
      const [fulfilment] = await fulfilments(row.order_id!)
      expect(fulfilment.labels.map((label) => label.tracking_number)).toEqual(["OWNCARRIER-778"])
    })

    it("calls ship_order once for the same arrangement requested twice, and keeps one fulfilment", async () => {
      const row = await importedOrder()
      const first = await ship(row, { mode: "dropoff", branch_id: 3001 })
      const second = await ship(row, { mode: "dropoff", branch_id: 3001 })
      expect([statusOf(first, 200), statusOf(second, 200)]).toEqual([200, 200])
      expect(second.data.shipment).toMatchObject({
        outcome: "arranged",
        ship_order_calls: 0,
        fulfillment_id: first.data.shipment.fulfillment_id,
      })
      expect(await shipOrderCalls(row.order_sn)).toEqual(1)
      expect(await fulfilments(row.order_id!)).toHaveLength(1)
    })

    it.each([
      ["cancelled", { reason: "Need to change delivery address" }, "cancelled"],
      ["asked to be cancelled (IN_CANCEL)", { reason: "Found a cheaper one", via_in_cancel: true }, "IN_CANCEL"],
    ])("refuses an order %s on Shopee before shipping, with the reason, and never calls ship_order", async (_label, cancel, words) => {
      const row = await importedOrder()
      await control(sandbox, "POST", `/_control/orders/${row.order_sn}/cancel`, { ...cancel, cancel_by: "buyer" })
      const response = await ship(row, { mode: "dropoff", branch_id: 3001 })
      expect(statusOf(response, 409)).toEqual(409)
      expect(response.data.message).toContain(words)
      expect(response.data.message).toContain(cancel.reason)
      expect(await shipOrderCalls(row.order_sn)).toEqual(0)
      expect(await syncRow(row.order_sn)).toMatchObject({ shipment_state: "refused" })
    })

    it("puts the tracking number on the fulfilment once Shopee has one (push 4)", async () => {
      // Longer than the test: the number appears when the carrier assigns it below.
      await control(sandbox, "PATCH", "/_control/logistics", { tracking_delay_ms: 4 * 60 * 1000 })
      const row = await importedOrder()
      const response = await ship(row, { mode: "pickup" })
      expect(statusOf(response, 200)).toEqual(200)
      expect(response.data.shipment.tracking_number).toBeNull()
      const [before] = await fulfilments(row.order_id!)
      expect(before.labels).toEqual([])

      await control(sandbox, "POST", `/_control/orders/${row.order_sn}/tracking_number`, { tracking_number: "SG778899001122SPX" })
      const labelled = await waitFor(async () => {
        const [fulfilment] = await fulfilments(row.order_id!)
        return fulfilment.labels.length > 0 ? fulfilment : undefined
      }, 30_000)
      expect(labelled.id).toEqual(before.id)
      expect(labelled.labels.map((label) => label.tracking_number)).toEqual(["SG778899001122SPX"])
      expect(await syncRow(row.order_sn)).toMatchObject({ tracking_number: "SG778899001122SPX" })
    })

    it("reads the tracking number from Shopee when the operator asks again after it appeared, without shipping again", async () => {
      // Within Shopee's 5-minute timestamp window, as the store signs with the real time.
      await control(sandbox, "PATCH", "/_control/logistics", { tracking_delay_ms: 4 * 60 * 1000 })
      const row = await importedOrder()
      expect((await ship(row, { mode: "dropoff", branch_id: 3001 })).data.shipment.tracking_number).toBeNull()
      sandbox.advanceClock(4 * 60 * 1000)
      const again = await ship(row, {})
      expect(statusOf(again, 200)).toEqual(200)
      const number = (await logistics(row.order_sn)).tracking_number
      expect(number).not.toEqual("")
      expect(again.data.shipment).toMatchObject({ ship_order_calls: 0, tracking_number: number })
      const [fulfilment] = await fulfilments(row.order_id!)
      expect(fulfilment.labels.map((label) => label.tracking_number)).toEqual([number])
      expect(await shipOrderCalls(row.order_sn)).toEqual(1)
    })

    it("defers an order Shopee is still allocating, then arranges it on the exception's retry", async () => {
      const row = await importedOrder()
      await control(sandbox, "POST", `/_control/orders/${row.order_sn}/logistics`, { allocating: true })
      const deferred = await ship(row, { mode: "dropoff", branch_id: 3002 })
      expect(statusOf(deferred, 202)).toEqual(202)
      expect(deferred.data.message).toContain("being allocated")
      const [exception] = await sql()("connector_exception").where({ kind: "shipment_deferred", payload_ref: row.order_sn })
      expect(exception).toMatchObject({ status: "retrying", attempts: 1 })
      expect(await syncRow(row.order_sn)).toMatchObject({ shipment_state: "deferred" })

      await control(sandbox, "POST", `/_control/orders/${row.order_sn}/logistics`, { allocating: false })
      const retried = await api.post(`/admin/shopee/exceptions/${exception.id}/retry`, {}, options)
      expect(statusOf(retried, 200)).toEqual(200)
      expect(retried.data.exception).toMatchObject({ status: "resolved" })
      expect((await logistics(row.order_sn)).arrangement).toMatchObject({ mode: "dropoff", branch_id: 3002 })
      expect(await syncRow(row.order_sn)).toMatchObject({ shipment_state: "arranged" })
      expect(await shipOrderCalls(row.order_sn)).toEqual(1)
    })

    it("answers 4xx naming the problem for a bad body or an unknown order", async () => {
      const row = await importedOrder()
      const badMode = await ship(row, { mode: "teleport" })
      expect(statusOf(badMode, 400)).toEqual(400)
      expect(badMode.data.message).toContain("mode")
      const misplaced = await ship(row, { mode: "dropoff", address_id: 1001, branch_id: 3001 })
      expect(statusOf(misplaced, 400)).toEqual(400)
      expect(misplaced.data.message).toContain("address_id is for mode pickup")
      const unknown = await api.post(`/admin/shopee/orders/shord_nope/ship`, {}, options)
      expect(statusOf(unknown, 404)).toEqual(404)
      expect(unknown.data.message).toContain("shord_nope")
      expect(await shipOrderCalls(row.order_sn)).toEqual(0)
    })
  },
})
