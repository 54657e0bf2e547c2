import type { CursorStore, CatalogueRun } from "../../modules/shopee/catalogue/catalogue-run"
import { recordCatalogueRun } from "../../modules/shopee/catalogue/catalogue-run"

/**
 * Runs a catalogue step; a failure is written on the run (so the admin and the CLI that poll it
 * see why it stopped) before it fails the workflow.
 */
export async function failingIntoRun<T>(store: CursorStore, run: CatalogueRun, job: () => Promise<T>): Promise<T> {
  try {
    return await job()
  } catch (error) {
    await recordCatalogueRun(store, run, { status: "failed", error: (error as Error).message, finished_at: new Date().toISOString() })
    throw error
  }
}
