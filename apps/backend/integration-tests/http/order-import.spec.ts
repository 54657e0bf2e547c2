import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { SANDBOX_SHOP_ID, signPush } from "../helpers/sandbox"
import { control, resetAndConnect, sandboxItemId, startOrderSandbox, type Sandbox } from "../helpers/connected-shop"
import { waitFor } from "../helpers/wait-for"

jest.setTimeout(180 * 1000)

type SyncRow = {
  order_sn: string
  order_id: string | null
  state: string
  shopee_status: string
  tracking_number: string | null
  paid: boolean
}

medusaIntegrationTestRunner({
  inApp: true,
  env: { SHOPEE_ENCRYPTION_KEY: "12".repeat(32) },
  testSuite: ({ api, getContainer }) => {
    let sandbox: Sandbox
    const sql = () => getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
    const syncRow = async (orderSn: string): Promise<SyncRow | undefined> =>
      (await sql()("shopee_order_sync").where({ order_sn: orderSn }))[0]
    const waitForSync = (orderSn: string, check: (row: SyncRow) => boolean) =>
      waitFor(async () => {
        const row = await syncRow(orderSn)
        return row && check(row) ? row : undefined
      }, 30_000).catch(async (error) => {
        // What the connector saw, so a timeout says why.
        const events = await sql()("shopee_raw_event").select("code", "order_sn", "status", "status_reason")
        const exceptions = await sql()("connector_exception").select("kind", "message")
        const rows = await sql()("shopee_order_sync").select("order_sn", "order_id", "state", "shopee_status", "paid")
        throw new Error(
          `${(error as Error).message} waiting for ${orderSn}; events ${JSON.stringify(events)}; exceptions ${JSON.stringify(exceptions)}; sync ${JSON.stringify(rows)}`
        )
      })
    const createShopeeOrder = async (sku: string, status: "UNPAID" | "READY_TO_SHIP" = "READY_TO_SHIP", quantity = 1) =>
      control<{ order_sn: string; total_amount: number }>(sandbox, "POST", "/_control/orders", {
        shop_id: SANDBOX_SHOP_ID,
        items: [{ item_id: await sandboxItemId(sandbox, sku), quantity }],
        status,
        buyer_username: "card_fan",
        recipient_address: {
          name: "T****n",
          phone: "******89",
          city: "Singapore",
          region: "SG",
          zipcode: "5****1",
          full_address: "1** O***** Road",
        },
      })
    const medusaOrder = async (container: MedusaContainer, orderId: string) => {
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const {
        data: [order],
      } = await query.graph({
        entity: "order",
        fields: [
          "id",
          "status",
          "email",
          "currency_code",
          "total",
          "metadata",
          "sales_channel.name",
          "items.*",
          "items.variant.sku",
          "shipping_address.*",
          "shipping_methods.*",
          "payment_collections.status",
          "fulfillments.shipped_at",
          "fulfillments.delivered_at",
        ],
        filters: { id: orderId },
      })
      return order
    }
    const reservedQuantity = async (container: MedusaContainer, sku: string) => {
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const {
        data: [item],
      } = await query.graph({
        entity: "inventory_item",
        fields: ["id", "location_levels.reserved_quantity", "location_levels.stocked_quantity"],
        filters: { sku },
      })
      return Number(item.location_levels?.[0]?.reserved_quantity ?? 0)
    }

    beforeAll(async () => {
      sandbox = await startOrderSandbox()
    })
    afterAll(async () => {
      await sandbox.close()
    })
    beforeEach(async () => {
      await resetAndConnect(api, getContainer(), sandbox)
    })

    it("imports an order from its push with the right items, prices, address, paid state and reserved stock", async () => {
      const shopeeOrder = await createShopeeOrder("PKM-BS-004-PSA8")
      const row = await waitForSync(shopeeOrder.order_sn, (candidate) => candidate.paid)
      expect(row).toMatchObject({ state: "imported", shopee_status: "READY_TO_SHIP" })

      const order = await medusaOrder(getContainer(), row.order_id!)
      expect(order.status).toEqual("pending")
      expect(order.sales_channel?.name).toEqual("Shopee")
      expect(order.currency_code).toEqual("sgd")
      expect(order.metadata).toEqual({
        shopee_environment: "sandbox",
        shopee_order_sn: shopeeOrder.order_sn,
        shopee_shop_id: String(SANDBOX_SHOP_ID),
        // The claim the import recorded on its sync row before creating the order.
        shopee_import_claim: (await sql()("shopee_order_sync").where({ order_sn: shopeeOrder.order_sn }))[0].import_claim,
      })
      expect(order.items).toHaveLength(1)
      const [line] = order.items!
      expect([Number(line!.quantity), Number(line!.unit_price), line!.is_tax_inclusive]).toEqual([1, 1250, true])
      expect(order.items![0]!.variant?.sku).toEqual("PKM-BS-004-PSA8")
      expect(Number(order.total)).toEqual(shopeeOrder.total_amount)
      expect(order.shipping_address).toMatchObject({ first_name: "T****n", postal_code: "5****1", city: "Singapore", country_code: "sg" })
      expect(order.shipping_methods?.[0]?.name).toEqual("Shopee Logistics")
      expect(order.payment_collections?.map((collection) => collection?.status)).toEqual(["completed"])
      expect(await reservedQuantity(getContainer(), "PKM-BS-004-PSA8")).toEqual(1)
    })

    it("imports an order the store already sold out, and raises an oversell exception", async () => {
      // The one copy in Medusa's stock is gone: the store sold it a moment earlier.
      const inventory = getContainer().resolve(Modules.INVENTORY)
      const [item] = await inventory.listInventoryItems({ sku: "PKM-BS-004-PSA8" })
      const [level] = await inventory.listInventoryLevels({ inventory_item_id: item.id })
      await inventory.updateInventoryLevels([{ inventory_item_id: item.id, location_id: level.location_id, stocked_quantity: 0 }])

      const shopeeOrder = await createShopeeOrder("PKM-BS-004-PSA8")
      const row = await waitForSync(shopeeOrder.order_sn, (candidate) => !!candidate.order_id)
      const order = await medusaOrder(getContainer(), row.order_id!)
      expect(order.status).toEqual("pending")
      const [raised] = await sql()("connector_exception").where({ kind: "oversell" })
      expect(raised).toMatchObject({ environment: "sandbox", payload_ref: shopeeOrder.order_sn, status: "open" })
      expect(raised.message).toContain("sold twice")
    })

    it("makes one order of the same push delivered three times", async () => {
      const shopeeOrder = await createShopeeOrder("PKM-SV1-BB")
      await waitForSync(shopeeOrder.order_sn, (candidate) => candidate.paid)
      // Shopee delivers the same push again (its retries do): same body, same signature.
      const [delivered] = await control<{ body: string; callback_url: string }[]>(sandbox, "GET", "/_control/pushes?code=3")
      for (let again = 0; again < 2; again++) {
        const response = await api.post(new URL(delivered.callback_url).pathname, delivered.body, {
          headers: { "content-type": "application/json", authorization: signPush(delivered.callback_url, delivered.body) },
          transformRequest: [(data: string) => data],
        })
        expect(response.status).toEqual(200)
      }
      const events = await sql()("shopee_raw_event").where({ order_sn: shopeeOrder.order_sn }).orderBy("created_at", "asc")
      // The repeats are counted on the first delivery's row, not stored again (issue 19's bound).
      expect(events.map((event: { status: string; duplicate_count: number }) => [event.status, event.duplicate_count])).toEqual([
        ["processed", 2],
      ])
      const { data: orders } = await getContainer()
        .resolve(ContainerRegistrationKeys.QUERY)
        .graph({ entity: "order", fields: ["id", "metadata"], filters: {} })
      expect(orders.filter((order) => (order.metadata as Record<string, unknown>)?.shopee_order_sn === shopeeOrder.order_sn)).toHaveLength(
        1
      )
    })

    it("holds an order with an unknown SKU in the exception queue, and imports it on retry once mapped", async () => {
      const shopeeOrder = await createShopeeOrder("NOT-IN-MEDUSA")
      const row = await waitForSync(shopeeOrder.order_sn, (candidate) => candidate.state === "held")
      expect(row.order_id).toBeNull()
      // The exception is written just after the row is marked held: wait for it rather than race it.
      const held = await waitFor(async () => {
        const [exception] = await sql()("connector_exception").where({ kind: "unknown_sku", payload_ref: shopeeOrder.order_sn })
        return exception
      })
      expect(held.message).toContain("SKU NOT-IN-MEDUSA")

      // The merchant gives a variant that SKU, then retries.
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const {
        data: [variant],
      } = await query.graph({ entity: "product_variant", fields: ["id"], filters: { sku: "PKM-SV1-BB" } })
      await getContainer().resolve(Modules.PRODUCT).updateProductVariants(variant.id, { sku: "NOT-IN-MEDUSA" })
      const { syncShopeeOrdersWorkflow } = require("medusa-plugin-shopee/workflows")
      const { result: summary } = await syncShopeeOrdersWorkflow(getContainer()).run({
        input: { environment: "sandbox", orders: [{ order_sn: shopeeOrder.order_sn }] },
      })
      expect(summary.imported).toEqual(1)
      expect((await syncRow(shopeeOrder.order_sn))?.order_id).toBeTruthy()
      const [settled] = await sql()("connector_exception").where({ id: held.id })
      expect(settled.status).toEqual("resolved")
    })

    it("follows an order through its whole life, UNPAID to COMPLETED, and a cancellation releases its stock", async () => {
      const shopeeOrder = await createShopeeOrder("PKM-SV1-BB", "UNPAID")
      let row = await waitForSync(shopeeOrder.order_sn, (candidate) => !!candidate.order_id)
      let order = await medusaOrder(getContainer(), row.order_id!)
      expect(order.payment_collections ?? []).toHaveLength(0)
      expect(await reservedQuantity(getContainer(), "PKM-SV1-BB")).toEqual(1)

      for (const status of ["READY_TO_SHIP", "PROCESSED", "SHIPPED", "TO_CONFIRM_RECEIVE", "COMPLETED"]) {
        await control(sandbox, "POST", `/_control/orders/${shopeeOrder.order_sn}/advance`)
        row = await waitForSync(shopeeOrder.order_sn, (candidate) => candidate.shopee_status === status)
      }
      order = await medusaOrder(getContainer(), row.order_id!)
      expect(order.status).toEqual("completed")
      expect(order.payment_collections?.map((collection) => collection?.status)).toEqual(["completed"])
      expect(order.fulfillments?.[0]).toMatchObject({ shipped_at: expect.anything(), delivered_at: expect.anything() })
      expect(row.tracking_number).toBeTruthy()

      const cancelled = await createShopeeOrder("PKM-SV1-BB", "READY_TO_SHIP", 2)
      await waitForSync(cancelled.order_sn, (candidate) => !!candidate.order_id)
      expect(await reservedQuantity(getContainer(), "PKM-SV1-BB")).toEqual(2)
      await control(sandbox, "POST", `/_control/orders/${cancelled.order_sn}/cancel`, {})
      const cancelledRow = await waitForSync(cancelled.order_sn, (candidate) => candidate.shopee_status === "CANCELLED")
      expect((await medusaOrder(getContainer(), cancelledRow.order_id!)).status).toEqual("canceled")
      expect(await reservedQuantity(getContainer(), "PKM-SV1-BB")).toEqual(0)
    })
  },
})
