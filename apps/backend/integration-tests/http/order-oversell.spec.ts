import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { cancelOrderWorkflow, createOrderFulfillmentWorkflow } from "@medusajs/medusa/core-flows"
import { SANDBOX_PARTNER, SANDBOX_SHOP_ID } from "../helpers/sandbox"
import { control, resetAndConnect, sandboxItemId, startOrderSandbox, type Sandbox } from "../helpers/connected-shop"

jest.setTimeout(180 * 1000)

const SKU = "PKM-BS-004-PSA8"

/**
 * A Shopee order Medusa's stock cannot cover (the last copy sold in the store a moment earlier)
 * is placed all the same through the connector's workflow, chosen from the stock available: its
 * reservation exists (a backorder), Medusa's own cancel releases it, Medusa's own fulfillment
 * ships it, and a person is told by an oversell exception.
 */
medusaIntegrationTestRunner({
  inApp: true,
  env: { SHOPEE_ENCRYPTION_KEY: "12".repeat(32) },
  testSuite: ({ api, getContainer }) => {
    let sandbox: Sandbox
    const sql = () => getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
    const inventory = () => getContainer().resolve(Modules.INVENTORY)
    const level = async () => {
      const [item] = await inventory().listInventoryItems({ sku: SKU })
      const [found] = await inventory().listInventoryLevels({ inventory_item_id: item.id })
      return found
    }
    /** A Shopee order for the card, imported as a push or a reconciliation would. */
    const importCardOrder = async (container: MedusaContainer) => {
      const shopeeOrder = await control<{ order_sn: string }>(sandbox, "POST", "/_control/orders", {
        shop_id: SANDBOX_SHOP_ID,
        items: [{ item_id: await sandboxItemId(sandbox, SKU), quantity: 1 }],
        status: "READY_TO_SHIP",
        recipient_address: {
          name: "T****n",
          phone: "******89",
          city: "Singapore",
          region: "SG",
          zipcode: "5****1",
          full_address: "1** O***** Road",
        },
      })
      const { syncShopeeOrdersWorkflow } = require("medusa-plugin-shopee/workflows")
      const { result } = await syncShopeeOrdersWorkflow(container).run({
        input: { environment: "sandbox", orders: [{ order_sn: shopeeOrder.order_sn }] },
      })
      expect(
        Object.values(result.orders as Record<string, { outcome: string; reason: string }>).map(
          (report) => `${report.outcome}: ${report.reason}`
        )
      ).toEqual([expect.stringMatching(/^imported/)])
      const [row] = await sql()("shopee_order_sync").where({ order_sn: shopeeOrder.order_sn })
      const {
        data: [order],
      } = await container
        .resolve(ContainerRegistrationKeys.QUERY)
        .graph({ entity: "order", fields: ["id", "status", "metadata", "items.*"], filters: { id: row.order_id } })
      return { orderSn: shopeeOrder.order_sn, order }
    }
    const reservationsOf = async (order: { items?: ({ id: string } | null)[] | null }) =>
      inventory().listReservationItems({ line_item_id: (order.items ?? []).map((item) => item!.id) })

    beforeAll(async () => {
      sandbox = await startOrderSandbox()
    })
    afterAll(async () => {
      await sandbox.close()
    })
    beforeEach(async () => {
      await resetAndConnect(api, getContainer(), sandbox)
      // Pushes go nowhere: each order is imported by the test itself.
      await control(sandbox, "PATCH", `/_control/partners/${SANDBOX_PARTNER.partner_id}`, { callback_url: "http://127.0.0.1:9/nowhere" })
      // The one copy in Medusa's stock is gone: the store sold it a moment earlier.
      const sold = await level()
      await inventory().updateInventoryLevels([
        { inventory_item_id: sold.inventory_item_id, location_id: sold.location_id, stocked_quantity: 0 },
      ])
    })

    it("places the order with its reservation as a backorder, and raises an oversell exception", async () => {
      const { orderSn, order } = await importCardOrder(getContainer())
      expect(order.status).toEqual("pending")
      const reservations = await reservationsOf(order)
      expect(
        reservations.map((reservation) => [Number(reservation.quantity), reservation.allow_backorder, reservation.location_id])
      ).toEqual([[1, true, (await level()).location_id]])
      expect(Number((await level()).reserved_quantity)).toEqual(1)
      expect((order.metadata as Record<string, unknown>).shopee_oversold).toEqual(`${SKU}: 1 sold, 0 available`)
      const [raised] = await sql()("connector_exception").where({ kind: "oversell" })
      expect(raised).toMatchObject({ environment: "sandbox", payload_ref: orderSn, status: "open" })
      expect(raised.message).toContain(`${SKU}: 1 sold, 0 available`)
    })

    it("releases the oversold order's reservation when Medusa's cancel order workflow cancels it", async () => {
      const { order } = await importCardOrder(getContainer())
      await cancelOrderWorkflow(getContainer()).run({ input: { order_id: order.id, no_notification: true } })
      expect(await reservationsOf(order)).toEqual([])
      expect(Number((await level()).reserved_quantity)).toEqual(0)
    })

    it("fulfils the oversold order through Medusa's create fulfillment workflow, which takes its reservation", async () => {
      const { order } = await importCardOrder(getContainer())
      const items = order.items!.map((item) => ({ id: item!.id, quantity: Number(item!.quantity) }))
      const { result: fulfillment } = await createOrderFulfillmentWorkflow(getContainer()).run({
        input: { order_id: order.id, items, no_notification: true },
      })
      expect(fulfillment.id).toBeTruthy()
      expect(await reservationsOf(order)).toEqual([])
      // The copy went out that the store did not have: a person restocks or cancels the other sale.
      expect([Number((await level()).stocked_quantity), Number((await level()).reserved_quantity)]).toEqual([-1, 0])
    })

    it("places an order the stock covers with an ordinary reservation, and raises nothing", async () => {
      const restocked = await level()
      await inventory().updateInventoryLevels([
        { inventory_item_id: restocked.inventory_item_id, location_id: restocked.location_id, stocked_quantity: 1 },
      ])
      const { order } = await importCardOrder(getContainer())
      expect((await reservationsOf(order)).map((reservation) => [Number(reservation.quantity), reservation.allow_backorder])).toEqual([
        [1, false],
      ])
      expect((order.metadata as Record<string, unknown>).shopee_oversold).toBeUndefined()
      expect(await sql()("connector_exception").where({ kind: "oversell" })).toEqual([])
    })
  },
})
