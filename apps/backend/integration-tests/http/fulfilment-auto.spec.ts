import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createOrderFulfillmentWorkflow } from "@medusajs/medusa/core-flows"
import { SANDBOX_SHOP_ID } from "../helpers/sandbox"
import { control, resetAndConnect, sandboxItemId, startOrderSandbox, type Sandbox } from "../helpers/connected-shop"
import { waitFor } from "../helpers/wait-for"

// The plugin's build is named at run time; it has no type declarations to import.
const { arrangeDueShipments } = require("medusa-plugin-shopee/lib/fulfilment/arrange-automatically")
const { pollTrackingNumbers } = require("medusa-plugin-shopee/lib/fulfilment/poll-tracking-numbers")

jest.setTimeout(180 * 1000)

type SyncRow = {
  id: string
  order_sn: string
  order_id: string | null
  state: string
  shipment_state: string | null
  shipment_mode: string | null
  shipment_reason: string | null
  shipment_due_at: Date | null
  shipment_alert: string | null
  tracking_number: string | null
  fulfillment_id: string | null
}
type Fulfilment = {
  id: string
  shipped_at: string | null
  canceled_at: string | null
  labels: { id: string; tracking_number: string; label_url: string }[]
}

/**
 * The automatic path: a Medusa fulfilment created the usual way (Medusa's workflow, as "Fulfill
 * items" runs it) on a Shopee order whose profile has a shipping default arranges the shipment on
 * Shopee by itself, after Shopee's buyer-cancel window; tracking numbers are polled onto the label;
 * a failed delivery is shown, not applied.
 */
medusaIntegrationTestRunner({
  inApp: true,
  env: { SHOPEE_ENCRYPTION_KEY: "56".repeat(32) },
  testSuite: ({ api, getContainer }) => {
    let sandbox: Sandbox
    let options: Awaited<ReturnType<typeof resetAndConnect>>
    const sql = () => getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
    const query = () => getContainer().resolve(ContainerRegistrationKeys.QUERY)
    const syncRow = async (orderSn: string): Promise<SyncRow> => (await sql()("shopee_order_sync").where({ order_sn: orderSn }))[0]
    const statusOf = (response: { status: number; data: unknown }, expected: number) =>
      response.status === expected ? expected : `${response.status} ${JSON.stringify(response.data)}`

    const activeProfileId = async (): Promise<string> => {
      const { data } = await api.get("/admin/shopee/profiles?env=sandbox", options)
      return data.profiles.find((profile: { is_active: boolean }) => profile.is_active).id
    }
    const setShipDefault = async (body: Record<string, unknown>) => {
      const response = await api.patch(`/admin/shopee/profiles/${await activeProfileId()}`, body, options)
      expect(statusOf(response, 200)).toEqual(200)
      return response.data.profile
    }

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
    /** What an operator's "Fulfill items" runs: Medusa's workflow, all items, at the channel's stock location. */
    const fulfilInMedusa = async (orderId: string): Promise<string> => {
      const {
        data: [order],
      } = await query().graph({ entity: "order", fields: ["items.*", "sales_channel_id"], filters: { id: orderId } })
      const {
        data: [channel],
      } = await query().graph({ entity: "sales_channel", fields: ["stock_locations.id"], filters: { id: order.sales_channel_id! } })
      const { result } = await createOrderFulfillmentWorkflow(getContainer()).run({
        input: {
          order_id: orderId,
          items: (order.items ?? []).map((item) => ({ id: item!.id, quantity: Number(item!.quantity) })),
          location_id: channel.stock_locations?.[0]?.id,
        },
      })
      return result.id
    }
    const settledRow = (orderSn: string) =>
      waitFor(async () => {
        const row = await syncRow(orderSn)
        return row.shipment_state ? row : undefined
      }, 30_000)
    const shipOrderCalls = async (orderSn: string) =>
      (
        await control<{ body: { order_sn?: string } | null }[]>(sandbox, "GET", "/_control/requests?path=/api/v2/logistics/ship_order")
      ).filter((entry) => entry.body?.order_sn === orderSn).length
    const logistics = (orderSn: string) =>
      control<{ order_status: string; tracking_number: string; arrangement: { mode: string } | null }>(
        sandbox,
        "GET",
        `/_control/orders/${orderSn}/logistics`
      )
    const fulfilments = async (orderId: string): Promise<Fulfilment[]> => {
      const {
        data: [order],
      } = await query().graph({
        entity: "order",
        fields: [
          "fulfillments.id",
          "fulfillments.shipped_at",
          "fulfillments.canceled_at",
          "fulfillments.labels.id",
          "fulfillments.labels.tracking_number",
          "fulfillments.labels.label_url",
        ],
        filters: { id: orderId },
      })
      return (order.fulfillments ?? []) as unknown as Fulfilment[]
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

    it("takes a profile's shipping default, 60 minutes by default, and answers 400 naming a bad field", async () => {
      const id = await activeProfileId()
      const before = await api.get(`/admin/shopee/profiles/${id}`, options)
      expect(before.data.profile).toMatchObject({ ship_default_mode: null, ship_default_address_id: null, ship_auto_delay_minutes: 60 })
      expect(
        await setShipDefault({ ship_default_mode: "pickup", ship_default_address_id: "1001", ship_auto_delay_minutes: 0 })
      ).toMatchObject({
        ship_default_mode: "pickup",
        ship_default_address_id: 1001,
        ship_auto_delay_minutes: 0,
      })
      for (const [body, field] of [
        [{ ship_default_mode: "teleport" }, "ship_default_mode"],
        [{ ship_default_address_id: "abc" }, "ship_default_address_id"],
        [{ ship_auto_delay_minutes: -1 }, "ship_auto_delay_minutes"],
        [{ ship_auto_delay_minutes: 2.5 }, "ship_auto_delay_minutes"],
      ] as const) {
        const response = await api.patch(`/admin/shopee/profiles/${id}`, body, options)
        expect(statusOf(response, 400)).toEqual(400)
        expect(response.data.message).toContain(field)
      }
      expect((await api.get(`/admin/shopee/profiles/${id}`, options)).data.profile).toMatchObject({ ship_default_mode: "pickup" })
    })

    it("arranges a pickup by itself once with no delay, links Medusa's fulfilment, then polls the tracking number onto its label once", async () => {
      await setShipDefault({ ship_default_mode: "pickup", ship_auto_delay_minutes: 0 })
      // Longer than the test: the number appears when the sandbox clock is moved below.
      await control(sandbox, "PATCH", "/_control/logistics", { tracking_delay_ms: 4 * 60 * 1000 })
      const row = await importedOrder()
      const fulfilmentId = await fulfilInMedusa(row.order_id!)

      const arranged = await settledRow(row.order_sn)
      expect(arranged).toMatchObject({
        shipment_state: "arranged",
        shipment_mode: "pickup",
        fulfillment_id: fulfilmentId,
        tracking_number: null,
      })
      expect(await shipOrderCalls(row.order_sn)).toEqual(1)
      expect((await logistics(row.order_sn)).arrangement).toMatchObject({ mode: "pickup" })
      expect((await fulfilments(row.order_id!)).map((f) => f.id)).toEqual([fulfilmentId])

      // Shopee answers empty for a while: the poll changes nothing.
      expect(await pollTrackingNumbers(getContainer())).toEqual({ polled: 1, labelled: 0 })
      sandbox.advanceClock(4 * 60 * 1000)
      expect(await pollTrackingNumbers(getContainer())).toEqual({ polled: 1, labelled: 1 })
      const number = (await logistics(row.order_sn)).tracking_number
      expect(number).not.toEqual("")
      expect(await syncRow(row.order_sn)).toMatchObject({ tracking_number: number })
      expect(await pollTrackingNumbers(getContainer())).toEqual({ polled: 0, labelled: 0 })

      // The air waybill stored on that label (as the label download does), then SHIPPED on Shopee: Medusa's shipment
      // is created and the fulfilment keeps its one label, waybill included (Medusa's shipment replaces the labels it is given).
      const [labelled] = await fulfilments(row.order_id!)
      expect(labelled.labels.map((label) => label.tracking_number)).toEqual([number])
      const waybill = `https://files.example/${row.order_sn}.pdf`
      await getContainer()
        .resolve(Modules.FULFILLMENT)
        .updateFulfillment(labelled.id, { labels: [{ id: labelled.labels[0].id, label_url: waybill }] })
      await control(sandbox, "POST", `/_control/orders/${row.order_sn}/status`, { status: "SHIPPED" })
      const shipped = await waitFor(async () => {
        const [fulfilment] = await fulfilments(row.order_id!)
        return fulfilment.shipped_at ? fulfilment : undefined
      }, 30_000)
      expect(shipped.labels.map(({ tracking_number, label_url }) => ({ tracking_number, label_url }))).toEqual([
        { tracking_number: number, label_url: waybill },
      ])
      expect(await shipOrderCalls(row.order_sn)).toEqual(1)
    })

    it("waits for the buyer-cancel window, without calling Shopee, then arranges it once the window has passed", async () => {
      await setShipDefault({ ship_default_mode: "pickup", ship_auto_delay_minutes: 60 })
      const row = await importedOrder()
      const fulfilmentId = await fulfilInMedusa(row.order_id!)

      const deferred = await settledRow(row.order_sn)
      expect(deferred).toMatchObject({ shipment_state: "deferred", fulfillment_id: fulfilmentId })
      expect(deferred.shipment_reason).toContain("60 minutes after it was placed")
      const dueAt = new Date(deferred.shipment_due_at!).getTime()
      expect(await shipOrderCalls(row.order_sn)).toEqual(0)
      expect(await sql()("connector_exception").where({ payload_ref: row.order_sn })).toEqual([])

      // Not due yet: the job leaves it.
      expect(await arrangeDueShipments(getContainer(), dueAt - 1000)).toEqual([])
      expect(await shipOrderCalls(row.order_sn)).toEqual(0)

      // Past due (the job's clock moved, not Shopee's: the store signs with the real time).
      const [result] = await arrangeDueShipments(getContainer(), dueAt + 1000)
      expect(result).toMatchObject({ outcome: "arranged", mode: "pickup", ship_order_calls: 1, fulfillment_id: fulfilmentId })
      expect(await syncRow(row.order_sn)).toMatchObject({ shipment_state: "arranged", shipment_due_at: null, fulfillment_id: fulfilmentId })
      expect(await shipOrderCalls(row.order_sn)).toEqual(1)
      expect(await fulfilments(row.order_id!)).toHaveLength(1)
      expect(await arrangeDueShipments(getContainer(), dueAt + 2000)).toEqual([])
    })

    it("refuses an order whose cancellation the buyer asked for on Shopee, with the reason, and never calls ship_order", async () => {
      await setShipDefault({ ship_default_mode: "pickup", ship_auto_delay_minutes: 0 })
      const row = await importedOrder()
      await control(sandbox, "POST", `/_control/orders/${row.order_sn}/cancel`, {
        reason: "Found a cheaper one",
        via_in_cancel: true,
        cancel_by: "buyer",
      })
      await fulfilInMedusa(row.order_id!)
      const refused = await settledRow(row.order_sn)
      expect(refused.shipment_state).toEqual("refused")
      expect(refused.shipment_reason).toContain("IN_CANCEL")
      expect(refused.shipment_reason).toContain("Found a cheaper one")
      expect(await shipOrderCalls(row.order_sn)).toEqual(0)
    })

    it("records why a default Shopee cannot take is refused: a drop-off needs a branch the profile does not name", async () => {
      await setShipDefault({ ship_default_mode: "dropoff", ship_auto_delay_minutes: 0 })
      const row = await importedOrder()
      await fulfilInMedusa(row.order_id!)
      const refused = await settledRow(row.order_sn)
      expect(refused.shipment_state).toEqual("refused")
      expect(refused.shipment_reason).toContain("branch_id is required")
      expect(await shipOrderCalls(row.order_sn)).toEqual(0)
    })

    it("shows a failed delivery (RETRY_SHIP) on the sync row and raises it for a person, leaving the Medusa order as it was", async () => {
      await setShipDefault({ ship_default_mode: "pickup", ship_auto_delay_minutes: 0 })
      const row = await importedOrder()
      const fulfilmentId = await fulfilInMedusa(row.order_id!)
      expect(await settledRow(row.order_sn)).toMatchObject({ shipment_state: "arranged" })

      await control(sandbox, "POST", `/_control/orders/${row.order_sn}/status`, { status: "RETRY_SHIP" })
      const alerted = await waitFor(async () => {
        const current = await syncRow(row.order_sn)
        return current.shipment_alert ? current : undefined
      }, 30_000)
      expect(alerted.shipment_alert).toContain("RETRY_SHIP")
      expect(alerted.shipment_state).toEqual("arranged")
      // The exception is raised just after the alert is written: wait for it rather than race it.
      const exception = await waitFor(async () => {
        const [raised] = await sql()("connector_exception").where({ kind: "delivery_failed", payload_ref: row.order_sn })
        return raised
      })
      expect(exception).toMatchObject({ status: "open" })
      expect(exception.message).toContain("could not deliver")
      const [fulfilment, ...more] = await fulfilments(row.order_id!)
      expect(more).toEqual([])
      expect(fulfilment).toMatchObject({ id: fulfilmentId, shipped_at: null, canceled_at: null })
    })
  },
})
