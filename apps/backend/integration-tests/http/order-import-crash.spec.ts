import { spawn } from "node:child_process"
import path from "node:path"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { SANDBOX_PARTNER, SANDBOX_SHOP_ID } from "../helpers/sandbox"
import { control, resetAndConnect, sandboxItemId, startOrderSandbox, type Sandbox } from "../helpers/connected-shop"

jest.setTimeout(5 * 60 * 1000)

const BACKEND = path.resolve(__dirname, "../..")
const MEDUSA = path.resolve(BACKEND, "../../node_modules/.bin/medusa")
const ENCRYPTION_KEY = "12".repeat(32)
const SKU = "PKM-SV1-BB"

type Row = { id: string; order_id: string | null; state: string; import_claim: string | null }

/** How a process killed at a boundary left things, checked before the next import runs. */
const LEFT_AT: Record<string, (left: { row: Row; orders: { id: string; is_draft_order: boolean }[]; links: number }) => void> = {
  claimed: ({ row, orders }) => {
    expect(row).toMatchObject({ state: "creating", order_id: null })
    expect(row.import_claim).toBeTruthy()
    expect(orders).toEqual([])
  },
  draft_created: ({ row, orders }) => {
    expect(row).toMatchObject({ state: "creating", order_id: null })
    expect(orders.map((order) => order.is_draft_order)).toEqual([true])
  },
  order_placed: ({ row, orders, links }) => {
    expect(row).toMatchObject({ state: "creating", order_id: null })
    expect(orders.map((order) => order.is_draft_order)).toEqual([false])
    expect(links).toEqual(0)
  },
  linked: ({ row, orders, links }) => {
    expect(row).toMatchObject({ state: "creating", order_id: null })
    expect(orders).toHaveLength(1)
    expect(links).toEqual(1)
  },
  recorded: ({ row, orders, links }) => {
    expect(row).toMatchObject({ state: "imported", order_id: orders[0]?.id })
    expect(links).toEqual(1)
  },
}

/**
 * An order import killed with SIGKILL at each boundary between its steps (a crash, a killed
 * worker), in a `medusa exec` process on the test's database, then imported again as a push or a
 * reconciliation would: there is exactly one Medusa order, linked once, the sync row pointing at
 * it, its stock reserved once. Pushes go nowhere in these tests, so each import is the test's own.
 */
medusaIntegrationTestRunner({
  inApp: true,
  env: { SHOPEE_ENCRYPTION_KEY: ENCRYPTION_KEY },
  testSuite: ({ api, getContainer }) => {
    let sandbox: Sandbox
    const sql = () => getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
    const createShopeeOrder = async () =>
      control<{ order_sn: string }>(sandbox, "POST", "/_control/orders", {
        shop_id: SANDBOX_SHOP_ID,
        items: [{ item_id: await sandboxItemId(sandbox, SKU), quantity: 2 }],
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
    const importHere = async (orderSn: string) => {
      const { syncShopeeOrdersWorkflow } = require("medusa-plugin-shopee/workflows")
      const { result } = await syncShopeeOrdersWorkflow(getContainer()).run({
        input: { environment: "sandbox", orders: [{ order_sn: orderSn }] },
      })
      return result
    }
    /** Each order's outcome, with the reason when it failed (so a failing test says why). */
    const outcomesOf = (summary: { orders: Record<string, { outcome: string; reason: string }> }) =>
      Object.values(summary.orders).map((report) => (report.outcome === "failed" ? `failed: ${report.reason}` : report.outcome))
    /** Every Medusa order carrying the Shopee reference, drafts included. */
    const ordersOf = async (orderSn: string) =>
      (
        await getContainer()
          .resolve(Modules.ORDER)
          .listOrders({}, { select: ["id", "is_draft_order", "metadata"] })
      ).filter((order) => (order.metadata as Record<string, unknown> | null)?.shopee_order_sn === orderSn)
    /** Rows of the module link's table (named by Medusa from both modules) for the sync row. */
    const linksOf = async (rowId: string) => {
      const {
        rows: [table],
      } = await sql().raw(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name LIKE '%shopee_order_sync%order%'`
      )
      return (await sql()(table.table_name).where({ shopee_order_sync_id: rowId, deleted_at: null })).length
    }

    /** `medusa exec` of the import in a process of its own, killed at `boundary`. */
    const importInAnotherProcess = (orderSn: string, boundary: string) =>
      new Promise<{ signal: NodeJS.Signals | null; output: string }>((resolve) => {
        const child = spawn(MEDUSA, ["exec", "./integration-tests/http/fixtures/import-shopee-order.ts"], {
          cwd: BACKEND,
          env: {
            PATH: process.env.PATH,
            HOME: process.env.HOME,
            DATABASE_URL: getContainer().resolve(ContainerRegistrationKeys.CONFIG_MODULE).projectConfig.databaseUrl,
            SHOPEE_ENCRYPTION_KEY: ENCRYPTION_KEY,
            SHOPEE_ALLOWED_API_BASE_URLS: sandbox.url,
            MEDUSA_DISABLE_TELEMETRY: "true",
            LOG_LEVEL: "error",
            ORDER_SN: orderSn,
            SHOPEE_CRASH_AT: boundary,
          },
          stdio: ["ignore", "pipe", "pipe"],
        })
        let output = ""
        child.stdout.on("data", (chunk) => (output += chunk))
        child.stderr.on("data", (chunk) => (output += chunk))
        child.once("exit", (_code, signal) => resolve({ signal, output }))
      })

    beforeAll(async () => {
      sandbox = await startOrderSandbox()
    })
    afterAll(async () => {
      await sandbox.close()
    })
    beforeEach(async () => {
      await resetAndConnect(api, getContainer(), sandbox)
      // Shopee's pushes go nowhere: the only imports are the ones each test makes.
      await control(sandbox, "PATCH", `/_control/partners/${SANDBOX_PARTNER.partner_id}`, { callback_url: "http://127.0.0.1:9/nowhere" })
    })

    it.each(Object.keys(LEFT_AT))("an import killed at the boundary %s is resumed by the next import: one order", async (boundary) => {
      // Another Shopee order, imported before: the lookup must find this order's, not any order.
      const other = await createShopeeOrder()
      expect(outcomesOf(await importHere(other.order_sn))).toEqual(["imported"])

      const shopeeOrder = await createShopeeOrder()
      const crashed = await importInAnotherProcess(shopeeOrder.order_sn, boundary)
      expect({ signal: crashed.signal, summary: /^summary /m.test(crashed.output) }).toEqual({ signal: "SIGKILL", summary: false })
      const [left] = await sql()("shopee_order_sync").where({ order_sn: shopeeOrder.order_sn })
      const leftOrders = await ordersOf(shopeeOrder.order_sn)
      LEFT_AT[boundary]({ row: left, orders: leftOrders as { id: string; is_draft_order: boolean }[], links: await linksOf(left.id) })

      // Killed after the row recorded the order, the import is an update of that order; before, an import.
      expect(outcomesOf(await importHere(shopeeOrder.order_sn))).toEqual([boundary === "recorded" ? "updated" : "imported"])

      const orders = await ordersOf(shopeeOrder.order_sn)
      expect(orders).toHaveLength(1)
      const [order] = orders
      expect(order.is_draft_order).toBe(false)
      const [row] = await sql()("shopee_order_sync").where({ order_sn: shopeeOrder.order_sn })
      expect(row).toMatchObject({ order_id: order.id, state: "imported", paid: true })
      expect(await linksOf(row.id)).toEqual(1)
      const {
        data: [placed],
      } = await getContainer()
        .resolve(ContainerRegistrationKeys.QUERY)
        .graph({ entity: "order", fields: ["id", "items.id"], filters: { id: order.id } })
      const reservations = await getContainer()
        .resolve(Modules.INVENTORY)
        .listReservationItems({ line_item_id: placed.items!.map((item) => item!.id) })
      expect(reservations.map((reservation) => Number(reservation.quantity))).toEqual([2])
      // The draft a crash left was discarded with its reservations: nothing else holds this stock.
      const [item] = await getContainer().resolve(Modules.INVENTORY).listInventoryItems({ sku: SKU })
      const [level] = await getContainer().resolve(Modules.INVENTORY).listInventoryLevels({ inventory_item_id: item.id })
      expect(Number(level.reserved_quantity)).toEqual(4)
    })
  },
})
