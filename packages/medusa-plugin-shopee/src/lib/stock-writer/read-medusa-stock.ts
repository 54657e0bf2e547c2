import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { VariantStockInput } from "../stock/stock-target"
import { resolveShopee } from "../shopee-module"

type VariantRead = {
  id: string
  manage_inventory: boolean | null
  inventory_items?: ({
    inventory_item_id: string
    required_quantity: number | null
    inventory?: { location_levels?: ({ location_id: string; stocked_quantity: unknown; reserved_quantity: unknown } | null)[] } | null
  } | null)[]
}

/** Variants per query: a full resync of a large catalogue reads in pages. */
const VARIANTS_PER_READ = 200

/**
 * Each variant's inventory as the target needs it: whether it manages inventory, and for each
 * inventory item (several for a kit) its required quantity and its levels at every location.
 * Read through Query and the variant's inventory-item link; a variant Medusa no longer has is
 * absent from the answer.
 */
export async function readMedusaStock(container: MedusaContainer, variantIds: string[]): Promise<Map<string, VariantStockInput>> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const read = new Map<string, VariantStockInput>()
  const ids = [...new Set(variantIds)]
  for (let start = 0; start < ids.length; start += VARIANTS_PER_READ) {
    const { data } = await query.graph({
      entity: "product_variant",
      fields: [
        "id",
        "manage_inventory",
        "inventory_items.inventory_item_id",
        "inventory_items.required_quantity",
        "inventory_items.inventory.location_levels.location_id",
        "inventory_items.inventory.location_levels.stocked_quantity",
        "inventory_items.inventory.location_levels.reserved_quantity",
      ],
      filters: { id: ids.slice(start, start + VARIANTS_PER_READ) },
    })
    for (const variant of data as VariantRead[]) {
      read.set(variant.id, {
        variant_id: variant.id,
        manage_inventory: !!variant.manage_inventory,
        components: (variant.inventory_items ?? []).flatMap((link) =>
          link
            ? [
                {
                  inventory_item_id: link.inventory_item_id,
                  required_quantity: Number(link.required_quantity ?? 1),
                  levels: (link.inventory?.location_levels ?? []).flatMap((level) =>
                    level
                      ? [
                          {
                            location_id: level.location_id,
                            stocked_quantity: Number(level.stocked_quantity ?? 0),
                            reserved_quantity: Number(level.reserved_quantity ?? 0),
                          },
                        ]
                      : []
                  ),
                },
              ]
            : []
        ),
      })
    }
  }
  return read
}

/** The stock locations of the sales channel Shopee orders are imported into (empty when it has none). */
export async function shopeeChannelLocationIds(container: MedusaContainer): Promise<string[]> {
  const settings = resolveShopee(container).orderImportSettings
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "sales_channel",
    fields: ["id", "stock_locations.id"],
    filters: { name: settings.sales_channel },
  })
  const locations = (data[0] as { stock_locations?: ({ id: string } | null)[] } | undefined)?.stock_locations ?? []
  return locations.flatMap((location) => (location ? [location.id] : []))
}
