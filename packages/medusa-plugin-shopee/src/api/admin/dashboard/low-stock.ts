import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { SHOPEE_MODULE } from "../../../modules/shopee"

export const DEFAULT_LOW_STOCK_THRESHOLD = 1

/**
 * The plugin option `low_stock_threshold`. Medusa merges a plugin's modules, with the plugin's
 * options, into the config module, so the option is read from there on each request.
 */
export function lowStockThreshold(container: MedusaContainer): number {
  const config = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE)
  const entry = config.modules?.[SHOPEE_MODULE]
  const options = typeof entry === "object" && entry !== null && "options" in entry ? entry.options : undefined
  const value = Number((options as { low_stock_threshold?: unknown } | undefined)?.low_stock_threshold)
  return Number.isFinite(value) && value >= 0 ? value : DEFAULT_LOW_STOCK_THRESHOLD
}

/**
 * Inventory items whose quantity available over all locations (stocked minus reserved) is at
 * or below the threshold. Stock is physical, so no environment applies. Medusa's inventory
 * module has no aggregate read, and loading every level to add them up would grow with the
 * catalogue, so the count is one grouped query. Items stocked at no location are not counted:
 * nothing tracks their stock.
 */
export async function countLowStockItems(container: MedusaContainer, threshold: number): Promise<number> {
  const sql = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const low = sql("inventory_level as level")
    .join("inventory_item as item", "item.id", "level.inventory_item_id")
    .whereNull("level.deleted_at")
    .whereNull("item.deleted_at")
    .groupBy("level.inventory_item_id")
    .havingRaw("sum(level.stocked_quantity - level.reserved_quantity) <= ?", [threshold])
    .select("level.inventory_item_id")
  const [{ count }] = await sql.from(low.as("low")).count({ count: "*" })
  return Number(count)
}
