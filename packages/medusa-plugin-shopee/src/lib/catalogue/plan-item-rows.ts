import type { Listing } from "./listings-of-item"

export type StoredListingRow = { id: string; item_id: string; model_id: string }

export type ItemRowsPlan = {
  create: Listing[]
  update: { id: string; listing: Listing }[]
  /** Rows of models Shopee no longer has: retired, which frees their variant for the new models. */
  retire: string[]
}

const keyOf = (row: { item_id: string; model_id: string }) => `${row.item_id}:${row.model_id}`

/**
 * What to write for items just read from Shopee, given their stored rows. A restructured item
 * (Shopee replaced its model ids, or added or removed variations) gets rows for its new models
 * and loses the old ones; it never keeps a row for a model that no longer exists.
 */
export function planItemRows(stored: StoredListingRow[], listings: Listing[]): ItemRowsPlan {
  const storedByKey = new Map(stored.map((row) => [keyOf(row), row]))
  const freshKeys = new Set(listings.map(keyOf))
  const plan: ItemRowsPlan = { create: [], update: [], retire: [] }
  for (const listing of listings) {
    const row = storedByKey.get(keyOf(listing))
    if (row) plan.update.push({ id: row.id, listing })
    else plan.create.push(listing)
  }
  for (const row of stored) if (!freshKeys.has(keyOf(row))) plan.retire.push(row.id)
  return plan
}

/** After a full import: the rows of items Shopee no longer lists (deleted, banned, or gone). */
export function rowsOfItemsNotSeen(stored: StoredListingRow[], seenItemIds: Set<string>): string[] {
  return stored.filter((row) => !seenItemIds.has(row.item_id)).map((row) => row.id)
}
