import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules, OrderWorkflowEvents } from "@medusajs/framework/utils"
import { convertDraftOrderWorkflow, createOrderWorkflow } from "@medusajs/medusa/core-flows"
import { SHOPEE_MODULE } from "../../modules/shopee"
import type { ShopeeEnvironment } from "../../modules/shopee/environments"
import { resolveShopee } from "../shopee-module"
import { matchOrderLines, type MatchedLine } from "./match-order-lines"
import { OrderImportHold } from "./order-import-hold"
import { holdForUnmatchedLines, planOrderImport, planOrderSetup, type OrderSetup } from "./plan-order-sync"
import type { OrderDetail } from "@shopee-medusa/shopee-client"

export type CreateOrderFromShopeeInput = {
  environment: ShopeeEnvironment
  profile_id: string | null
  shop_id: string
  detail: OrderDetail
  /** The order's sync row, linked to the new Medusa order. */
  sync_row_id: string
}

type NewOrderInput = {
  environment: ShopeeEnvironment
  shop_id: string
  order_sn: string
  plan: ReturnType<typeof planOrderImport>
  lines: MatchedLine[]
}

/**
 * The one place a Medusa order is created from a Shopee order: its lines matched to variants
 * (an unmatched line holds the order), then created through Medusa's own flow: a draft, then
 * placed with `convertDraftOrderWorkflow`, which reserves stock and emits `order.placed` like any
 * order, and linked to its sync row. When Medusa's stock cannot cover it (the last copy sold in
 * the store a moment earlier), Shopee has sold it all the same: the order is placed anyway, its
 * reservations made as backorders, and the caller raises an oversell exception for a person.
 */
export async function createOrderFromShopee(
  container: MedusaContainer,
  input: CreateOrderFromShopeeInput
): Promise<{ order_id: string; oversold: string | null }> {
  const plan = planOrderImport(input.detail)
  const { matched, unmatched } = await matchOrderLines(container, {
    environment: input.environment,
    profile_id: input.profile_id,
    lines: plan.lines,
  })
  const hold = holdForUnmatchedLines(input.detail.order_sn, matched.length, unmatched)
  if (hold) throw new OrderImportHold(hold.kind, hold.message)
  const created = await placeOrder(container, {
    environment: input.environment,
    shop_id: input.shop_id,
    order_sn: input.detail.order_sn,
    plan,
    lines: matched,
  })
  const link = container.resolve(ContainerRegistrationKeys.LINK)
  await link.create({ [SHOPEE_MODULE]: { shopee_order_sync_id: input.sync_row_id }, [Modules.ORDER]: { order_id: created.order_id } })
  return created
}

async function placeOrder(container: MedusaContainer, input: NewOrderInput): Promise<{ order_id: string; oversold: string | null }> {
  const setup = await resolveOrderSetup(container, input.plan.currency_code)
  let draftId: string | undefined
  try {
    draftId = await createDraft(container, input, setup, false)
    await convertDraftOrderWorkflow(container).run({ input: { id: draftId } })
    return { order_id: draftId, oversold: null }
  } catch (error) {
    if (draftId) await container.resolve(Modules.ORDER).deleteOrders([draftId])
    if (!isInsufficientStock(error)) throw error
  }
  // Medusa's own checks refuse the sale; the lines opt into backorder, as Medusa's admin does
  // for an out-of-stock item on a draft order.
  const backorderDraftId = await createDraft(container, input, setup, true)
  const oversold = await placeDespiteMissingStock(container, backorderDraftId, setup.location_id)
  return { order_id: backorderDraftId, oversold }
}

async function createDraft(container: MedusaContainer, input: NewOrderInput, setup: OrderSetup, allowBackorder: boolean) {
  const { result: draft } = await createOrderWorkflow(container).run({
    input: {
      // Medusa's admin creates drafts the same way; the type does not list is_draft_order.
      ...({ status: "draft", is_draft_order: true } as object),
      region_id: setup.region_id,
      sales_channel_id: setup.sales_channel_id,
      currency_code: input.plan.currency_code,
      email: input.plan.email,
      no_notification: true,
      shipping_address: input.plan.address,
      billing_address: input.plan.address,
      items: input.lines.map((line) => ({
        variant_id: line.variant_id,
        title: line.title,
        quantity: line.quantity,
        unit_price: line.unit_price,
        // Shopee's prices are what the buyer paid, tax included.
        is_tax_inclusive: true,
        metadata: { shopee_item_id: line.item_id, shopee_model_id: line.model_id },
        ...(allowBackorder ? { allow_backorder: true } : {}),
      })),
      shipping_methods: [
        {
          name: setup.shipping_option_name,
          amount: input.plan.shipping_amount,
          is_tax_inclusive: true,
          shipping_option_id: setup.shipping_option_id,
        },
      ],
      metadata: { shopee_environment: input.environment, shopee_order_sn: input.order_sn, shopee_shop_id: input.shop_id },
    },
  })
  return draft.id
}

function isInsufficientStock(error: unknown): boolean {
  return /Not enough stock available|does not have the required inventory/i.test(String((error as Error)?.message))
}

/** Places the draft without Medusa's stock check: each line reserved as a backorder. */
async function placeDespiteMissingStock(container: MedusaContainer, orderId: string, locationId: string): Promise<string> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const inventory = container.resolve(Modules.INVENTORY)
  const { data: [order] } = await query.graph({
    entity: "order",
    fields: ["id", "items.*", "items.variant.inventory_items.inventory_item_id", "items.variant.inventory_items.required_quantity", "items.variant.manage_inventory"],
    filters: { id: orderId },
  })
  const reservations = []
  const shortages: string[] = []
  for (const item of order.items ?? []) {
    if (!item?.variant?.manage_inventory) continue
    for (const link of item.variant.inventory_items ?? []) {
      const quantity = Number(item.quantity) * Number(link?.required_quantity ?? 1)
      const available = await inventory.retrieveAvailableQuantity(link!.inventory_item_id, [locationId])
      if (Number(available) < quantity) shortages.push(`${item.variant_sku ?? item.title}: ${quantity} sold, ${available} available`)
      reservations.push({ line_item_id: item.id, inventory_item_id: link!.inventory_item_id, location_id: locationId, quantity, allow_backorder: true })
    }
  }
  if (reservations.length > 0) await inventory.createReservationItems(reservations)
  await container.resolve(Modules.ORDER).updateOrders([{ id: orderId, status: "pending", is_draft_order: false }])
  await container.resolve(Modules.EVENT_BUS).emit({ name: OrderWorkflowEvents.PLACED, data: { id: orderId } })
  return shortages.join("; ") || "stock could not be reserved"
}

/** Region by currency, the Shopee sales channel, its stock location and the shipping option. */
async function resolveOrderSetup(container: MedusaContainer, currencyCode: string): Promise<OrderSetup> {
  const settings = resolveShopee(container).orderImportSettings
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: regions } = await query.graph({ entity: "region", fields: ["id"], filters: { currency_code: currencyCode } })
  const { data: channels } = await query.graph({
    entity: "sales_channel",
    fields: ["id", "stock_locations.id"],
    filters: { name: settings.sales_channel },
  })
  const { data: options } = await query.graph({ entity: "shipping_option", fields: ["id", "name"], filters: {} })
  const option = options.find((candidate) => candidate.id === settings.shipping_option || candidate.name === settings.shipping_option)
  const planned = planOrderSetup({
    currency_code: currencyCode,
    region_id: regions[0]?.id ?? null,
    sales_channel: { name: settings.sales_channel, id: channels[0]?.id ?? null, location_id: channels[0]?.stock_locations?.[0]?.id ?? null },
    shipping_option: { wanted: settings.shipping_option, found: option ? { id: option.id, name: option.name } : null },
  })
  if ("hold" in planned) throw new OrderImportHold(planned.hold.kind, planned.hold.message)
  return planned.setup
}
