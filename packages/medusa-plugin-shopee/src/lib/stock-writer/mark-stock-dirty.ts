import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, InventoryEvents, OrderWorkflowEvents } from "@medusajs/framework/utils"
import { resolveShopee } from "../shopee-module"
import { markVariantsDirty } from "../../modules/shopee/stock/dirty-marks"

/** Order events whose payload names the order as `id`, and those that name it as `order_id`. */
const ORDER_ID_EVENTS: string[] = [OrderWorkflowEvents.PLACED, OrderWorkflowEvents.CANCELED, OrderWorkflowEvents.COMPLETED]
const ORDER_REF_EVENTS: string[] = [
  OrderWorkflowEvents.FULFILLMENT_CREATED,
  OrderWorkflowEvents.FULFILLMENT_CANCELED,
  OrderWorkflowEvents.RETURN_RECEIVED,
  OrderWorkflowEvents.CLAIM_CREATED,
  OrderWorkflowEvents.EXCHANGE_CREATED,
]
/** The inventory module's own events (any change, workflow or not) and the workflow events of 2.18+. */
const LEVEL_EVENTS: string[] = [
  InventoryEvents.INVENTORY_LEVEL_CREATED,
  InventoryEvents.INVENTORY_LEVEL_UPDATED,
  InventoryEvents.INVENTORY_LEVEL_DELETED,
  "inventory-level.created",
  "inventory-level.updated",
  "inventory-level.deleted",
]
const RESERVATION_EVENTS: string[] = [
  InventoryEvents.RESERVATION_ITEM_CREATED,
  InventoryEvents.RESERVATION_ITEM_UPDATED,
  InventoryEvents.RESERVATION_ITEM_DELETED,
  "reservation-item.created",
  "reservation-item.updated",
  "reservation-item.deleted",
]

export const STOCK_EVENTS = [...ORDER_ID_EVENTS, ...ORDER_REF_EVENTS, ...LEVEL_EVENTS, ...RESERVATION_EVENTS]

/**
 * Marks the variants an inventory, reservation or order event may have changed, when a Shopee
 * listing sells them, and wakes the writer. Marks are rows, not memory: whichever process
 * flushes next sees them. An id that no longer resolves (a reservation deleted outright) marks
 * nothing; the order event of the same change, or the full resync, covers it.
 */
export async function markStockDirtyFromEvent(container: MedusaContainer, name: string, data: Record<string, unknown>): Promise<number> {
  const ids = idsOf(ORDER_REF_EVENTS.includes(name) ? data.order_id : data.id)
  if (ids.length === 0) return 0
  const variantIds =
    ORDER_ID_EVENTS.includes(name) || ORDER_REF_EVENTS.includes(name)
      ? await variantsOfOrders(container, ids)
      : await variantsOfInventoryItems(
          container,
          await inventoryItemsOf(container, LEVEL_EVENTS.includes(name) ? "inventory_level" : "reservation_item", ids)
        )
  return markMappedVariantsDirty(container, variantIds, name)
}

/** Marks those of these variants that a Shopee listing sells; the caller wakes the writer when any was marked. */
export async function markMappedVariantsDirty(container: MedusaContainer, variantIds: string[], source: string): Promise<number> {
  if (variantIds.length === 0) return 0
  const shopee = resolveShopee(container)
  const mapped = (await shopee.listShopeeProductMaps({ variant_id: [...new Set(variantIds)] }, { select: ["variant_id"] })) as {
    variant_id: string
  }[]
  return markVariantsDirty(
    shopee,
    mapped.map((row) => row.variant_id),
    source
  )
}

function idsOf(value: unknown): string[] {
  const values = Array.isArray(value) ? value : [value]
  return values.filter((id): id is string => typeof id === "string" && id !== "")
}

async function variantsOfOrders(container: MedusaContainer, orderIds: string[]): Promise<string[]> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: ["id", "items.variant_id"], filters: { id: orderIds } })
  return (data as { items?: ({ variant_id: string | null } | null)[] }[]).flatMap((order) =>
    (order.items ?? []).flatMap((item) => (item?.variant_id ? [item.variant_id] : []))
  )
}

async function inventoryItemsOf(
  container: MedusaContainer,
  entity: "inventory_level" | "reservation_item",
  ids: string[]
): Promise<string[]> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  // A deleted level or reservation still names its inventory item.
  const { data } = await query.graph({ entity, fields: ["id", "inventory_item_id"], filters: { id: ids }, withDeleted: true } as never)
  return (data as { inventory_item_id: string }[]).map((row) => row.inventory_item_id).filter(Boolean)
}

/** Every variant an inventory item is part of: a kit's part changes the kit too. */
async function variantsOfInventoryItems(container: MedusaContainer, inventoryItemIds: string[]): Promise<string[]> {
  if (inventoryItemIds.length === 0) return []
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "inventory_item",
    fields: ["id", "variants.id"],
    filters: { id: [...new Set(inventoryItemIds)] },
  })
  return data.flatMap((item) =>
    ((item as { variants?: ({ id: string } | null)[] }).variants ?? []).map((variant) => variant?.id).filter((id): id is string => !!id)
  )
}
