import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { resolveShopee } from "../../lib/shopee-module"
import { recordCatalogueRun, type CatalogueRun } from "../../modules/shopee/catalogue/catalogue-run"
import type { MatchCatalogueResult } from "./match-shopee-catalogue"
import type { ReadCatalogueResult } from "./read-shopee-catalogue"

/** Ends a catalogue run with its summary and moves the profile's cursor to where the read began. */
export const finishCatalogueRunStep = createStep(
  "finish-catalogue-run",
  async (input: { read: ReadCatalogueResult; match: MatchCatalogueResult }, { container }): Promise<StepResponse<CatalogueRun>> => {
    const { read, match } = input
    const run = await recordCatalogueRun(
      resolveShopee(container),
      match.run,
      {
        status: "succeeded",
        phase: "done",
        finished_at: new Date().toISOString(),
        summary: {
          items_read: read.items_read,
          listings_read: read.listings_read,
          created: read.created,
          retired: read.retired,
          ...match.counts,
        },
      },
      read.read_until
    )
    return new StepResponse(run)
  }
)
