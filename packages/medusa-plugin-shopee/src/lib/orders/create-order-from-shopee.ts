import type { MedusaContainer } from "@medusajs/framework/types"
import type { CreateOrderWorkflowInput } from "@medusajs/medusa/core-flows"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { ShopeeEnvironment } from "../../modules/shopee/environments"
import { resolveShopee } from "../shopee-module"
import { crashPoint } from "./crash-point"
import { linkOrderToSync, type ShopeeOrderMetadata } from "./earlier-attempts"
import { matchOrderLines, type MatchedLine } from "./match-order-lines"
import { OrderImportHold } from "./order-import-hold"
import { holdForUnmatchedLines, planOrderImport, planOrderSetup, type OrderSetup } from "./plan-order-sync"
import { planStockCover, type StockCover, type StockLine, type VariantStock } from "./plan-stock-cover"
import type { OrderDetail } from "@shopee-medusa/shopee-client"

export type CreateOrderFromShopeeInput = {
  environment: ShopeeEnvironment
  profile_id: string | null
  shop_id: string
  detail: OrderDetail
  /** The order's sync row, linked to the new Medusa order. */
  sync_row_id: string
  /** This attempt's claim, recorded on the sync row first and written into the order's metadata. */
  claim: string
}

/** The store's set-up for a new order in a currency; one reader serves a whole batch (`orderSetupReader`). */
export type ReadOrderSetup = (currencyCode: string) => Promise<OrderSetup>

/** What placing a Shopee order takes: the draft to create, where its stock is, how each line is reserved. */
export type PlaceShopeeOrderInput = { order: CreateOrderWorkflowInput; location_id: string; stock: StockLine[] }

/** Runs `placeShopeeOrderWorkflow` (passed in: nothing in `lib/` imports a workflow). */
export type PlaceShopeeOrder = (input: PlaceShopeeOrderInput) => Promise<{ order_id: string }>

/**
 * The one place a Medusa order is created from a Shopee order: its lines matched to variants
 * (an unmatched line holds the order), the stock at the Shopee channel's location checked, then
 * placed by `placeOrder` (Medusa's own steps: reserved, `order.placed` emitted like any order) and
 * linked to its sync row. When Medusa's stock cannot cover it (the last copy sold in the store a
 * moment earlier), Shopee has sold it all the same: the short lines are reserved as backorders,
 * what was short is kept in the order's metadata, and the caller raises an oversell exception.
 */
export async function createOrderFromShopee(
  container: MedusaContainer,
  input: CreateOrderFromShopeeInput,
  placeOrder: PlaceShopeeOrder,
  readSetup: ReadOrderSetup = orderSetupReader(container)
): Promise<{ order_id: string; oversold: string | null }> {
  const plan = planOrderImport(input.detail)
  const { matched, unmatched } = await matchOrderLines(container, {
    environment: input.environment,
    profile_id: input.profile_id,
    lines: plan.lines,
  })
  const hold = holdForUnmatchedLines(input.detail.order_sn, matched.length, unmatched)
  if (hold) throw new OrderImportHold(hold.kind, hold.message)
  const setup = await readSetup(plan.currency_code)
  const { order_id, oversold } = await placeMatchedOrder(container, { ...input, plan, lines: matched, setup }, placeOrder)
  crashPoint("order_placed")
  await linkOrderToSync(container, input.sync_row_id, order_id)
  crashPoint("linked")
  return { order_id, oversold }
}

export type MatchedOrder = Omit<CreateOrderFromShopeeInput, "sync_row_id" | "profile_id"> & {
  plan: ReturnType<typeof planOrderImport>
  lines: MatchedLine[]
  setup: OrderSetup
}

/**
 * Medusa's part of an import, once the lines are matched and the set-up read: the stock cover
 * read at the location, then the order placed. `npm run bench:orders` runs this alone to measure
 * Medusa's own floor, so the two figures it compares share this code.
 */
export async function placeMatchedOrder(
  container: MedusaContainer,
  order: MatchedOrder,
  placeOrder: PlaceShopeeOrder
): Promise<{ order_id: string; oversold: string | null }> {
  const cover = await readStockCover(container, order.lines, order.setup.location_id)
  const { order_id } = await placeOrder({ order: draftOrder(order, cover), location_id: order.setup.location_id, stock: cover.stock })
  return { order_id, oversold: cover.oversold }
}

function draftOrder(input: MatchedOrder, cover: StockCover): CreateOrderWorkflowInput {
  const { plan, lines, setup } = input
  const { oversold } = cover
  const backordered = new Set(cover.stock.filter((entry) => entry.allow_backorder).map((entry) => entry.variant_id))
  const metadata: ShopeeOrderMetadata = {
    shopee_environment: input.environment,
    shopee_order_sn: input.detail.order_sn,
    shopee_shop_id: input.shop_id,
    shopee_import_claim: input.claim,
    ...(oversold ? { shopee_oversold: oversold } : {}),
  }
  return {
    // Medusa's admin creates drafts the same way; the type does not list is_draft_order.
    ...({ status: "draft", is_draft_order: true } as object),
    region_id: setup.region_id,
    sales_channel_id: setup.sales_channel_id,
    currency_code: plan.currency_code,
    email: plan.email,
    no_notification: true,
    shipping_address: plan.address,
    billing_address: plan.address,
    items: lines.map((line) => ({
      variant_id: line.variant_id,
      title: line.title,
      quantity: line.quantity,
      unit_price: line.unit_price,
      // Shopee's prices are what the buyer paid, tax included.
      is_tax_inclusive: true,
      metadata: { shopee_item_id: line.item_id, shopee_model_id: line.model_id },
      // Medusa's order creation checks the stock of each line; a short one opts into backorder,
      // as Medusa's admin does for an out-of-stock item on a draft order.
      ...(backordered.has(line.variant_id) ? { allow_backorder: true } : {}),
    })),
    shipping_methods: [
      {
        name: setup.shipping_option_name,
        amount: plan.shipping_amount,
        is_tax_inclusive: true,
        shipping_option_id: setup.shipping_option_id,
      },
    ],
    metadata,
  }
}

/** What each matched variant's inventory items have available at the location, and what that covers. */
async function readStockCover(container: MedusaContainer, lines: MatchedLine[], locationId: string): Promise<StockCover> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const inventory = container.resolve(Modules.INVENTORY)
  const { data: variants } = await query.graph({
    entity: "product_variant",
    fields: ["id", "sku", "manage_inventory", "inventory_items.inventory_item_id", "inventory_items.required_quantity"],
    filters: { id: [...new Set(lines.map((line) => line.variant_id))] },
  })
  const stock: VariantStock[] = []
  for (const variant of variants) {
    const items = (variant.inventory_items ?? []).filter(Boolean) as { inventory_item_id: string; required_quantity: number }[]
    stock.push({
      variant_id: variant.id,
      manage_inventory: !!variant.manage_inventory,
      inventory: await Promise.all(
        items.map(async (item) => ({
          inventory_item_id: item.inventory_item_id,
          required_quantity: Number(item.required_quantity ?? 1),
          available: Number(await inventory.retrieveAvailableQuantity(item.inventory_item_id, [locationId])),
        }))
      ),
    })
  }
  const skus = new Map(variants.map((variant) => [variant.id, variant.sku]))
  return planStockCover(
    lines.map((line) => ({ variant_id: line.variant_id, quantity: line.quantity, label: skus.get(line.variant_id) ?? line.title })),
    stock
  )
}

/**
 * Reads the set-up once per currency for as long as the reader lives (one batch of orders),
 * instead of three queries per order. A batch is imported within seconds, so an edit to the
 * region, channel or shipping option made meanwhile applies from the next batch on.
 */
export function orderSetupReader(container: MedusaContainer): ReadOrderSetup {
  const read = new Map<string, Promise<OrderSetup>>()
  return (currencyCode) => {
    let setup = read.get(currencyCode)
    if (!setup) {
      setup = resolveOrderSetup(container, currencyCode)
      read.set(currencyCode, setup)
    }
    return setup
  }
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
    sales_channel: {
      name: settings.sales_channel,
      id: channels[0]?.id ?? null,
      location_id: channels[0]?.stock_locations?.[0]?.id ?? null,
    },
    shipping_option: { wanted: settings.shipping_option, found: option ? { id: option.id, name: option.name } : null },
  })
  if ("hold" in planned) throw new OrderImportHold(planned.hold.kind, planned.hold.message)
  return planned.setup
}
