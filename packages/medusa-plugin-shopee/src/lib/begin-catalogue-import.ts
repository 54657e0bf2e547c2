import type { MedusaContainer } from "@medusajs/framework/types"
import type { CatalogueImportMode } from "./catalogue/import-scope"
import type { ShopeeEnvironment } from "../modules/shopee/environments"
import type { CatalogueRun } from "../modules/shopee/catalogue/catalogue-run"
import { resolveShopee } from "./shopee-module"
import { lockFor } from "./with-lock"

/**
 * Begins a catalogue import of an environment's active profile, or refuses with a 409 while one
 * runs. Beginning is a read (is a run going?) and a write (the new run): two starts at once would
 * both read "none" and both begin. Under the environment's start lock (PostgreSQL or Redis, so
 * across instances too) the second one reads the first one's run and is refused. The lock is not
 * the import's own lock, which a running import holds for minutes.
 */
export function beginCatalogueImport(
  container: MedusaContainer,
  environment: ShopeeEnvironment,
  mode: CatalogueImportMode
): Promise<CatalogueRun> {
  return lockFor(container)(`shopee-catalogue-start:${environment}`, () => resolveShopee(container).beginCatalogueRun(environment, mode))
}
