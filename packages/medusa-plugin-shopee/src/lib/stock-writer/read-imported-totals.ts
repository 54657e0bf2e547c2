import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { ShopeeEnvironment } from "../../modules/shopee/environments"

/**
 * The absolute-write guard's `imported_total` per variant: units of the variant in the Medusa
 * orders imported from this shop's Shopee orders, cancelled ones included. Shopee gives a
 * cancelled order's unit back itself and Medusa releases it on import, so a cancellation is no
 * Shopee sale to account for; taking it away here would count it as one until the next sale
 * (a unit held back for good). Derived, not kept: no counter to drift, double-count a replayed
 * event or miss one. Only differences between two reads matter to the guard.
 *
 * One grouped query over the sync rows and Medusa's order tables (the current version of each
 * order's items): Query cannot filter orders by a linked module's fields, and loading every
 * Shopee order to add them up would grow with the shop's history.
 */
export async function readImportedTotals(
  container: MedusaContainer,
  scope: { environment: ShopeeEnvironment; shop_id: number },
  variantIds: string[]
): Promise<Map<string, number>> {
  const totals = new Map<string, number>()
  if (variantIds.length === 0) return totals
  const sql = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const rows: { variant_id: string; quantity: string }[] = await sql("shopee_order_sync as sync")
    .join("order as o", "o.id", "sync.order_id")
    .join("order_item as oi", function () {
      this.on("oi.order_id", "=", "o.id").andOn("oi.version", "=", "o.version")
    })
    .join("order_line_item as line", "line.id", "oi.item_id")
    .where("sync.environment", scope.environment)
    .where("sync.shop_id", String(scope.shop_id))
    .whereNull("sync.deleted_at")
    .whereNull("o.deleted_at")
    .whereNull("oi.deleted_at")
    .whereNull("line.deleted_at")
    .whereIn("line.variant_id", [...new Set(variantIds)])
    .groupBy("line.variant_id")
    .select("line.variant_id", sql.raw("sum(oi.quantity) as quantity"))
  for (const row of rows) totals.set(row.variant_id, Number(row.quantity))
  return totals
}
