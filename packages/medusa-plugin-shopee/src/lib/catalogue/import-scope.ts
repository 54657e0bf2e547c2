import type { ItemStatus } from "@shopee-medusa/shopee-client"
import type { UpdateWindow } from "./walk-item-list"

export const CATALOGUE_IMPORT_MODES = ["full", "incremental"] as const
export type CatalogueImportMode = (typeof CATALOGUE_IMPORT_MODES)[number]

/** Items the product map holds: on sale, or unlisted by the seller (who may list them again). */
export const READ_ITEM_STATUSES: ItemStatus[] = ["NORMAL", "UNLIST"]
/**
 * Items Shopee does not sell: banned, under review, deleted by the seller or by Shopee. A full
 * import retires the rows of every item it does not see among the read statuses; an incremental
 * one cannot see what it does not list, so it lists these too and retires what it finds.
 */
export const RETIRED_ITEM_STATUSES: ItemStatus[] = ["BANNED", "REVIEWING", "SELLER_DELETE", "SHOPEE_DELETE"]

/**
 * Each incremental import re-reads a little before where the last one ended: Shopee's
 * update_time counts whole seconds and Shopee's clock may differ from ours by as much as its
 * request timestamp window (5 minutes) allows.
 */
export const CATALOGUE_OVERLAP_SECONDS = 5 * 60

export type ImportScope = { mode: CatalogueImportMode; window?: UpdateWindow; statuses: ItemStatus[] }

/**
 * Which items an import lists: those of the read statuses for a full import, and for an
 * incremental one the items of any status updated since the last import ended (a ban or a
 * deletion moves update_time). An incremental import with no import before it is a full one:
 * there is nothing to be incremental from.
 */
export function importScope(requested: CatalogueImportMode, updatedUntil: number | null, now: number): ImportScope {
  if (requested === "full" || updatedUntil === null) return { mode: "full", statuses: READ_ITEM_STATUSES }
  return {
    mode: "incremental",
    window: { from: Math.max(0, updatedUntil - CATALOGUE_OVERLAP_SECONDS), to: now },
    statuses: [...READ_ITEM_STATUSES, ...RETIRED_ITEM_STATUSES],
  }
}

/** Whether a listed item's rows are retired rather than read: Shopee no longer sells it. */
export function isRetiredStatus(status: ItemStatus): boolean {
  return !READ_ITEM_STATUSES.includes(status)
}
