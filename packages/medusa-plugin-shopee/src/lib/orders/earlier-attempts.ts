import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { SHOPEE_MODULE } from "../../modules/shopee"
import type { ShopeeEnvironment } from "../../modules/shopee/environments"
import type { FoundOrder } from "./plan-order-creation"

/** The Shopee reference every imported order carries in its metadata: how a retry finds it. */
export type ShopeeOrderMetadata = {
  shopee_environment: ShopeeEnvironment
  shopee_order_sn: string
  shopee_shop_id: string
  /** The sync row's claim when this order was made (`planOrderCreation`). */
  shopee_import_claim: string
  /** What the stock could not cover when it was placed; the oversell exception's reason. */
  shopee_oversold?: string
}

/**
 * What earlier import attempts of a Shopee order left in Medusa, found by its reference in the
 * orders' metadata (a crash may have come before the link or the sync row's record): drafts
 * included, each with whether it is linked to the sync row.
 */
export async function findOrdersOfShopeeOrder(
  container: MedusaContainer,
  input: { environment: ShopeeEnvironment; order_sn: string; sync_row_id: string }
): Promise<FoundOrder[]> {
  // Read from the order table itself: Medusa's order filters do not reach into metadata.
  const sql = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const orders: { id: string; is_draft_order: boolean; metadata: Partial<ShopeeOrderMetadata> | null }[] = await sql("order")
    .whereNull("deleted_at")
    .whereRaw(`metadata->>'shopee_environment' = ?`, [input.environment])
    .whereRaw(`metadata->>'shopee_order_sn' = ?`, [input.order_sn])
    .orderBy("created_at", "asc")
    .select("id", "is_draft_order", "metadata")
  const found: FoundOrder[] = []
  for (const order of orders) {
    const metadata = order.metadata ?? {}
    found.push({
      id: order.id,
      placed: !order.is_draft_order,
      claim: metadata.shopee_import_claim ?? null,
      linked: await isLinked(container, input.sync_row_id, order.id),
      oversold: metadata.shopee_oversold ?? null,
    })
  }
  return found
}

/** The module link from the sync row to its Medusa order. */
export async function linkOrderToSync(container: MedusaContainer, syncRowId: string, orderId: string): Promise<void> {
  await container.resolve(ContainerRegistrationKeys.LINK).create(linkOf(syncRowId, orderId))
}

/** Deletes drafts an attempt made but never placed, with any reservations already made for their lines. */
export async function discardUnplacedOrders(container: MedusaContainer, orderIds: string[]): Promise<void> {
  if (orderIds.length === 0) return
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: orders } = await query.graph({ entity: "order", fields: ["id", "items.id"], filters: { id: orderIds } })
  const lineIds = orders.flatMap((order) => ((order.items ?? []).filter(Boolean) as { id: string }[]).map((item) => item.id))
  if (lineIds.length > 0) await container.resolve(Modules.INVENTORY).deleteReservationItemsByLineItem(lineIds)
  await container.resolve(Modules.ORDER).deleteOrders(orderIds)
}

async function isLinked(container: MedusaContainer, syncRowId: string, orderId: string): Promise<boolean> {
  const links = await container.resolve(ContainerRegistrationKeys.LINK).list(linkOf(syncRowId, orderId))
  return links.length > 0
}

function linkOf(syncRowId: string, orderId: string) {
  return { [SHOPEE_MODULE]: { shopee_order_sync_id: syncRowId }, [Modules.ORDER]: { order_id: orderId } }
}
