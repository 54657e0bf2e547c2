import { generateEntityId, MedusaError } from "@medusajs/framework/utils"
import { isAbandoned, type CatalogueProgress } from "../../../lib/catalogue/catalogue-progress"
import type { CatalogueImportMode } from "../../../lib/catalogue/import-scope"
import type { UpdateWindow } from "../../../lib/catalogue/walk-item-list"
import type { ShopeeEnvironment } from "../environments"

export type CatalogueSummary = {
  items_read: number
  listings_read: number
  created: number
  retired: number
  matched: number
  unmatched: number
  conflict: number
}

/** One catalogue import and where it stands, kept on the profile's sync cursor for polling. */
export type CatalogueRun = CatalogueProgress & {
  id: string
  environment: ShopeeEnvironment
  profile_id: string
  requested_mode: CatalogueImportMode
  mode: CatalogueImportMode
  status: "running" | "succeeded" | "failed"
  window: UpdateWindow | null
  summary: CatalogueSummary | null
  error: string | null
  started_at: string
  updated_at: string
  finished_at: string | null
}

type CursorRow = { id: string; catalogue_run: CatalogueRun | null; catalogue_updated_until: number | null }

/** The generated methods of the module service that read and write sync cursors. */
export type CursorStore = {
  listShopeeSyncCursors(filters: Record<string, unknown>): Promise<unknown[]>
  createShopeeSyncCursors(data: Record<string, unknown>): Promise<unknown>
  updateShopeeSyncCursors(data: Record<string, unknown>): Promise<unknown>
}

export async function catalogueCursor(store: CursorStore, profileId: string): Promise<CursorRow | undefined> {
  return ((await store.listShopeeSyncCursors({ profile_id: profileId })) as CursorRow[])[0]
}

export async function latestCatalogueRun(store: CursorStore, profileId: string): Promise<CatalogueRun | null> {
  return (await catalogueCursor(store, profileId))?.catalogue_run ?? null
}

/** Starts a run for a profile; 409 while another run of that profile is still going. */
export async function beginCatalogueRun(
  store: CursorStore,
  input: { environment: ShopeeEnvironment; profile_id: string; requested_mode: CatalogueImportMode }
): Promise<CatalogueRun> {
  const cursor = await catalogueCursor(store, input.profile_id)
  const current = cursor?.catalogue_run
  const now = new Date()
  if (current?.status === "running" && !isAbandoned(current.updated_at, now)) {
    throw new MedusaError(
      MedusaError.Types.CONFLICT,
      `A catalogue import (${current.id}) is already running for this ${input.environment} profile; poll it or wait for it to end`
    )
  }
  const run: CatalogueRun = {
    id: generateEntityId(undefined, "shcat"),
    ...input,
    mode: input.requested_mode,
    status: "running",
    phase: "listing",
    done: 0,
    total: 0,
    window: null,
    summary: null,
    error: null,
    started_at: now.toISOString(),
    updated_at: now.toISOString(),
    finished_at: null,
  }
  if (cursor) await store.updateShopeeSyncCursors({ id: cursor.id, catalogue_run: run })
  else await store.createShopeeSyncCursors({ environment: input.environment, profile_id: input.profile_id, catalogue_run: run })
  return run
}

/**
 * Writes a run's new state; a run that ended successfully also moves the profile's catalogue
 * cursor. A run that is no longer the profile's latest (one begun after it was abandoned)
 * writes nothing.
 */
export async function recordCatalogueRun(
  store: CursorStore,
  run: CatalogueRun,
  change: Partial<CatalogueRun>,
  updatedUntil?: number
): Promise<CatalogueRun> {
  const cursor = await catalogueCursor(store, run.profile_id)
  const next: CatalogueRun = { ...run, ...change, updated_at: new Date().toISOString() }
  if (!cursor || cursor.catalogue_run?.id !== run.id) return next
  await store.updateShopeeSyncCursors({
    id: cursor.id,
    catalogue_run: next,
    ...(updatedUntil !== undefined ? { catalogue_updated_until: updatedUntil } : {}),
  })
  return next
}
