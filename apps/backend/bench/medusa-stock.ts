import type { BenchServer } from "./bench-server"

/** Sets the Medusa stock of `sku` at each of its locations, so that no imported order is an oversell. */
export async function raiseMedusaStock(server: BenchServer, sku: string, quantity: number): Promise<void> {
  const { status, data } = await server.api<{ inventory_items: { id: string; location_levels: { location_id: string }[] }[] }>(
    "GET",
    `/admin/inventory-items?sku=${encodeURIComponent(sku)}&fields=id,*location_levels`
  )
  const [item] = data?.inventory_items ?? []
  if (status !== 200 || !item?.location_levels?.length) throw new Error(`No inventory level for ${sku}: ${status} ${JSON.stringify(data)}`)
  for (const level of item.location_levels) {
    const update = await server.api("POST", `/admin/inventory-items/${item.id}/location-levels/${level.location_id}`, {
      stocked_quantity: quantity,
    })
    if (update.status !== 200) throw new Error(`Raising the stock of ${sku} failed: ${update.status} ${JSON.stringify(update.data)}`)
  }
}
