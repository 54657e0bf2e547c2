/**
 * Whether Medusa's stock at the Shopee channel's location covers a Shopee order, decided before
 * the order is placed (not from an error of the placing): Shopee has sold it either way, so an
 * order the stock cannot cover is placed all the same, its short inventory items reserved as
 * backorders, and a person is told.
 */

/** A variant sold by the order, with what its inventory items have available at the location. */
export type VariantStock = {
  variant_id: string
  manage_inventory: boolean
  inventory: { inventory_item_id: string; required_quantity: number; available: number }[]
}

/** How each line of a variant is reserved: per inventory item, a backorder when it is short. */
export type StockLine = { variant_id: string; inventory_item_id: string; required_quantity: number; allow_backorder: boolean }

export type StockCover = { stock: StockLine[]; oversold: string | null }

export function planStockCover(lines: { variant_id: string; quantity: number; label: string }[], variants: VariantStock[]): StockCover {
  const byVariant = new Map(variants.map((variant) => [variant.variant_id, variant]))
  // One inventory item can back several lines (or variants): what they need together counts.
  const needs = new Map<string, { needed: number; available: number; labels: string[] }>()
  for (const line of lines) {
    const variant = byVariant.get(line.variant_id)
    if (!variant?.manage_inventory) continue
    for (const item of variant.inventory) {
      const need = needs.get(item.inventory_item_id) ?? { needed: 0, available: item.available, labels: [] }
      need.needed += line.quantity * item.required_quantity
      if (!need.labels.includes(line.label)) need.labels.push(line.label)
      needs.set(item.inventory_item_id, need)
    }
  }
  const short = new Set([...needs].filter(([, need]) => need.needed > need.available).map(([id]) => id))
  const stock: StockLine[] = variants
    .filter((variant) => variant.manage_inventory)
    .flatMap((variant) =>
      variant.inventory.map((item) => ({
        variant_id: variant.variant_id,
        inventory_item_id: item.inventory_item_id,
        required_quantity: item.required_quantity,
        allow_backorder: short.has(item.inventory_item_id),
      }))
    )
  const shortages = [...short].map((id) => {
    const need = needs.get(id)!
    return `${need.labels.join(", ")}: ${need.needed} sold, ${need.available} available`
  })
  return { stock, oversold: shortages.length > 0 ? shortages.join("; ") : null }
}

/** A line of the placed order, as the reservations need it. */
export type OrderLine = { id: string; variant_id: string | null; quantity: number }

/** The reservations of the order's lines at the location, in the shape of Medusa's `reserveInventoryStep`. */
export function reservationsFor(lines: OrderLine[], stock: StockLine[], locationId: string) {
  return lines.flatMap((line) =>
    stock
      .filter((entry) => entry.variant_id === line.variant_id)
      .map((entry) => ({
        id: line.id,
        inventory_item_id: entry.inventory_item_id,
        required_quantity: entry.required_quantity,
        allow_backorder: entry.allow_backorder,
        quantity: line.quantity,
        location_ids: [locationId],
      }))
  )
}
