import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { CatalogueRun } from "../modules/shopee/catalogue/catalogue-run"
import { finishCatalogueRunStep } from "./steps/finish-catalogue-run"
import { matchShopeeCatalogueStep } from "./steps/match-shopee-catalogue"
import { readShopeeCatalogueStep } from "./steps/read-shopee-catalogue"

/**
 * Imports a profile's Shopee catalogue into the product map and matches it to Medusa variants
 * by SKU, reporting progress on the run begun by the caller (`beginCatalogueRun`). Nothing to
 * compensate: every batch is written whole, and a rerun reads and matches again.
 */
export const importShopeeCatalogueWorkflow = createWorkflow("import-shopee-catalogue", (input: { run: CatalogueRun }) => {
  const read = readShopeeCatalogueStep(input)
  const match = matchShopeeCatalogueStep({ run: read.run })
  return new WorkflowResponse(finishCatalogueRunStep({ read, match }))
})
