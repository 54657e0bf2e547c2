import type { MedusaContainer } from "@medusajs/framework/types"
import { computeStockTarget } from "../../../../lib/stock/stock-target"
import { readMedusaStock, shopeeChannelLocationIds } from "../../../../lib/stock-writer/read-medusa-stock"
import type ShopeeModuleService from "../../../../modules/shopee/service"
import { stockSettingOf } from "../../../../modules/shopee/stock/stock-settings"

export type StockFigures = {
  /** What Medusa can sell of the variant over the Shopee channel's locations; null when it does not manage inventory. */
  medusa_available: number | null
  /** The stock the writer would give Shopee now (buffer and promotion reserve applied); null when it would not write. */
  planned_stock: number | null
}

type Listing = { variant_id: string | null; reserved_stock?: unknown }

/**
 * The stock figures of listings as the writer computes them (the same reads and target), so the
 * products page shows what a run would do before anyone arms the writer.
 */
export async function stockFiguresOf(
  container: MedusaContainer,
  shopee: ShopeeModuleService,
  profile: { id: string; environment: "sandbox" | "live"; default_location_id: string | null },
  rows: Listing[]
): Promise<StockFigures[]> {
  const variantIds = rows.flatMap((row) => (row.variant_id ? [row.variant_id] : []))
  if (variantIds.length === 0) return rows.map(() => ({ medusa_available: null, planned_stock: null }))
  const [medusa, locations, setting] = await Promise.all([
    readMedusaStock(container, variantIds),
    shopeeChannelLocationIds(container),
    stockSettingOf(shopee, profile),
  ])
  return rows.map((row) => {
    const variant = row.variant_id ? medusa.get(row.variant_id) : undefined
    if (!variant) return { medusa_available: null, planned_stock: null }
    const target = computeStockTarget(variant, {
      channel_location_ids: locations,
      default_location_id: profile.default_location_id,
      buffer: setting.buffer,
      promotion_reserved: Number(row.reserved_stock ?? 0),
    })
    return target.action === "target"
      ? { medusa_available: target.available, planned_stock: target.target }
      : { medusa_available: null, planned_stock: null }
  })
}
