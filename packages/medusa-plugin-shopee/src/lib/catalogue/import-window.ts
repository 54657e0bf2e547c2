import type { UpdateWindow } from "./walk-item-list"

export const CATALOGUE_IMPORT_MODES = ["full", "incremental"] as const
export type CatalogueImportMode = (typeof CATALOGUE_IMPORT_MODES)[number]

/**
 * Each incremental import re-reads a little before where the last one ended: Shopee's
 * update_time counts whole seconds and Shopee's clock may differ from ours by as much as its
 * request timestamp window (5 minutes) allows.
 */
export const CATALOGUE_OVERLAP_SECONDS = 5 * 60

export type ImportScope = { mode: CatalogueImportMode; window?: UpdateWindow }

/**
 * Which items an import reads: all of them for a full import, and for an incremental one the
 * items updated since the last import ended. An incremental import with no import before it is
 * a full one: there is nothing to be incremental from.
 */
export function importScope(requested: CatalogueImportMode, updatedUntil: number | null, now: number): ImportScope {
  if (requested === "full" || updatedUntil === null) return { mode: "full" }
  return { mode: "incremental", window: { from: Math.max(0, updatedUntil - CATALOGUE_OVERLAP_SECONDS), to: now } }
}
