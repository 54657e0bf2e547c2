/**
 * The stock one mapped Shopee model should show: what Medusa can still sell of the variant from
 * the Shopee channel's locations, less the profile's buffer, never below what Shopee holds for a
 * promotion (Shopee refuses a write under that reserve). The reader feeds plain numbers; nothing
 * here knows Medusa's or Shopee's types.
 */

/** One inventory level of one inventory item at one stock location, as Medusa stores it. */
export type InventoryLevelInput = {
  location_id: string
  stocked_quantity: number
  reserved_quantity: number
}

/** One inventory item of a variant: a plain variant has one with required_quantity 1, a kit several. */
export type InventoryComponentInput = {
  inventory_item_id: string
  required_quantity: number
  levels: InventoryLevelInput[]
}

export type VariantStockInput = {
  variant_id: string
  manage_inventory: boolean
  components: InventoryComponentInput[]
}

export type StockTargetContext = {
  /** Stock locations of the Shopee sales channel; empty when the channel has none. */
  channel_location_ids: string[]
  /** The profile's default location, used only when the channel has none. */
  default_location_id: string | null
  /** Units kept back from Shopee (default 0). */
  buffer?: number
  /** Stock Shopee holds reserved for a promotion on this model. */
  promotion_reserved: number
  /**
   * Units sold on Shopee that Medusa has not imported yet (absolute-write-guard.ts): Medusa's
   * available still counts them, so they come off like the buffer, before the floors.
   */
  pending_shopee_sales?: number
}

export type StockTarget =
  | {
      action: "target"
      target: number
      /** Sellable units before the buffer and the floors: the figure an oversell check needs. */
      available: number
      /** Which floor raised the figure, if one did. */
      floored_by: "zero" | "promotion_reserve" | null
      /** The Shopee sales not yet imported that were taken off, when any were. */
      pending_shopee_sales?: number
    }
  | { action: "skip"; reason: string }

export function computeStockTarget(variant: VariantStockInput, context: StockTargetContext): StockTarget {
  if (!variant.manage_inventory) {
    return { action: "skip", reason: "variant does not manage inventory: Medusa has no quantity to send" }
  }
  if (variant.components.length === 0) {
    return { action: "skip", reason: "variant manages inventory but has no inventory item" }
  }
  const bad = variant.components.find((c) => !Number.isInteger(c.required_quantity) || c.required_quantity < 1)
  if (bad) {
    return { action: "skip", reason: `inventory item ${bad.inventory_item_id} has required quantity ${bad.required_quantity}` }
  }
  const locations =
    context.channel_location_ids.length > 0
      ? context.channel_location_ids
      : context.default_location_id
        ? [context.default_location_id]
        : []
  if (locations.length === 0) {
    return { action: "skip", reason: "the Shopee sales channel has no stock location and the profile no default location" }
  }
  // A kit can only be sold as many times as its scarcest part allows.
  const available = Math.min(...variant.components.map((c) => Math.floor(availableAt(c, locations) / c.required_quantity)))
  const pending = Math.max(0, context.pending_shopee_sales ?? 0)
  const afterBuffer = available - Math.max(0, context.buffer ?? 0) - pending
  const reserve = Math.max(0, context.promotion_reserved)
  const target = Math.max(afterBuffer, 0, reserve)
  const floored_by = target === afterBuffer ? null : reserve > 0 && target === reserve ? "promotion_reserve" : "zero"
  return { action: "target", target, available, floored_by, ...(pending > 0 ? { pending_shopee_sales: pending } : {}) }
}

/**
 * Summed before clamping: a location reserved beyond its stock (a backorder) lowers the total,
 * which keeps Shopee on the cautious side. A component with no level at these locations counts 0.
 */
function availableAt(component: InventoryComponentInput, locations: string[]): number {
  const total = component.levels
    .filter((level) => locations.includes(level.location_id))
    .reduce((sum, level) => sum + level.stocked_quantity - level.reserved_quantity, 0)
  return Math.max(0, total)
}
