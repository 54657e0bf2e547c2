import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { beginCatalogueImport } from "../../../../../lib/begin-catalogue-import"
import type { ShopeeEnvironment } from "../../../../../modules/shopee/environments"
import { importShopeeCatalogueWorkflow } from "../../../../../workflows/import-shopee-catalogue"
import { answerConflicts } from "../../../../answer-conflicts"
import { shopeeModule } from "../../shopee-module"
import type { ImportCatalogueBodyType } from "../validators"

/** The latest catalogue import of an environment's active profile, with its progress (null before the first). */
export async function GET(req: MedusaRequest, res: MedusaResponse): Promise<void> {
  const { env } = req.validatedQuery as { env: ShopeeEnvironment }
  res.json({ run: await shopeeModule(req).latestCatalogueRun(env) })
}

/**
 * Starts a catalogue import (full, or incremental from the last one) and answers 202 with the
 * run at once; the import goes on in the background and reports on the run, which GET polls.
 * 400 for an incomplete profile, 409 while another import of that profile runs.
 */
export async function POST(req: MedusaRequest<ImportCatalogueBodyType>, res: MedusaResponse): Promise<void> {
  const { env } = req.validatedQuery as { env: ShopeeEnvironment }
  const shopee = shopeeModule(req)
  await shopee.getCredentials(env)
  await answerConflicts(res, async () => {
    const run = await beginCatalogueImport(req.scope, env, req.validatedBody.mode)
    // Failures are written on the run by the steps; nothing is left to answer here.
    importShopeeCatalogueWorkflow(req.scope)
      .run({ input: { run } })
      .catch(() => undefined)
    res.status(202).json({ run })
  })
}
