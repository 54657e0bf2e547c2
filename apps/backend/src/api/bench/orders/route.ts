import { randomUUID } from "node:crypto"
import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

type OrderSetup = { location_id: string }
type PlannedLine = { sku: string | null }
type Placed = { order_id: string; oversold: string | null }
type PlaceMatchedOrder = (container: MedusaContainer, order: Record<string, unknown>, placeOrder: unknown) => Promise<Placed>

/** Read once per process: the floor is Medusa placing orders, not the look-ups a batch shares. */
let readSetup: ((currencyCode: string) => Promise<OrderSetup>) | undefined
const variantOfSku = new Map<string, Promise<string | undefined>>()

/**
 * The floor of `npm run bench:orders`: places one synthetic Shopee order with the code the
 * import itself places orders with (`placeMatchedOrder`: stock cover at the Shopee channel's
 * location, then `placeShopeeOrderWorkflow`: draft, tax lines, reservations, placed), then
 * brings it to the Shopee status as the import does (`readAppliedState`, `planOrderUpdate`,
 * `applyOrderActions`: READY_TO_SHIP is paid), on the same store data, without Shopee, the
 * webhook, the sync row or the lock. The benchmark calls it
 * with the same concurrency as the pipeline and compares the two rates. Like `POST /bench/ping`,
 * it answers 404 unless the benchmark started the server with SHOPEE_BENCH_ROUTES=on.
 */
export async function POST(req: MedusaRequest, res: MedusaResponse): Promise<void> {
  if (process.env.SHOPEE_BENCH_ROUTES !== "on") {
    res.status(404).json({ type: "not_found", message: "Not found" })
    return
  }
  const sku = (req.body as { sku?: unknown } | undefined)?.sku
  if (typeof sku !== "string" || sku.trim() === "") {
    res.status(400).json({ type: "invalid_data", message: "sku: the SKU of the variant to order, as a non-empty string" })
    return
  }
  const { orderSetupReader, placeMatchedOrder } = require("medusa-plugin-shopee/lib/orders/create-order-from-shopee") as {
    orderSetupReader: (container: MedusaContainer) => (currencyCode: string) => Promise<OrderSetup>
    placeMatchedOrder: PlaceMatchedOrder
  }
  const { planOrderImport, planOrderUpdate } = require("medusa-plugin-shopee/lib/orders/plan-order-sync")
  const { applyOrderActions, readAppliedState } = require("medusa-plugin-shopee/lib/orders/apply-order-actions")
  const { placeShopeeOrderWith } = require("medusa-plugin-shopee/workflows/place-shopee-order")
  readSetup ??= orderSetupReader(req.scope)
  const variantId = await variantFor(req.scope, sku)
  if (!variantId) {
    res.status(400).json({ type: "invalid_data", message: `sku: no variant has the SKU ${sku}` })
    return
  }
  const detail = syntheticOrder(sku)
  const plan = planOrderImport(detail) as { currency_code: string; lines: PlannedLine[] }
  const placed = await placeMatchedOrder(
    req.scope,
    {
      environment: "sandbox",
      shop_id: "bench-floor",
      detail,
      claim: `bench_floor_${randomUUID()}`,
      plan,
      lines: plan.lines.map((line) => ({ ...line, variant_id: variantId })),
      setup: await readSetup(plan.currency_code),
    },
    placeShopeeOrderWith(req.scope)
  )
  const { applied } = await readAppliedState(req.scope, placed.order_id)
  const update = planOrderUpdate(placed.order_id, applied, detail.order_status) as { actions: string[] }
  await applyOrderActions(req.scope, placed.order_id, update.actions, null)
  res.status(200).json({ ...placed, actions: update.actions })
}

function variantFor(container: MedusaContainer, sku: string): Promise<string | undefined> {
  let found = variantOfSku.get(sku)
  if (!found) {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    found = query
      .graph({ entity: "product_variant", fields: ["id"], filters: { sku } })
      .then(({ data }) => (data[0] as { id: string } | undefined)?.id)
    variantOfSku.set(sku, found)
  }
  return found
}

/**
 * An order as the simulator's get_order_detail answers for the benchmark's sale: one copy,
 * Singapore, a buyer of its own (as each of the pipeline's orders has: Medusa creates a customer
 * per e-mail, and two creating the same one at once collide).
 */
function syntheticOrder(sku: string) {
  const tag = randomUUID().replace(/-/g, "").slice(0, 12).toUpperCase()
  return {
    order_sn: `BENCHFLOOR${tag}`,
    region: "SG",
    currency: "SGD",
    order_status: "READY_TO_SHIP",
    update_time: Math.floor(Date.now() / 1000),
    total_amount: 189,
    buyer_username: `bench_floor_buyer_${tag}`,
    recipient_address: {
      name: "B****h",
      phone: "******12",
      city: "Singapore",
      region: "SG",
      zipcode: "0****8",
      full_address: "1 B**** Street",
    },
    item_list: [
      {
        item_id: 1,
        model_id: 0,
        item_name: "Bench floor order",
        model_name: "",
        item_sku: sku,
        model_sku: "",
        model_quantity_purchased: 1,
        model_original_price: 189,
        model_discounted_price: 189,
      },
    ],
  }
}
