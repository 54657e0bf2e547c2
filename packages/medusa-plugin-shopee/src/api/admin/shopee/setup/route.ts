import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { planSetupSteps } from "../../../../lib/setup/plan-setup-steps"
import { readLatestPush, readSetupFacts } from "../../../../lib/setup/read-setup-facts"
import { shopeeModule } from "../shopee-module"
import type { SetupQueryType } from "./validators"

/** The setup guide of an environment: each step ticked from the store's live state, the URLs to register, the newest push. */
export async function GET(req: MedusaRequest, res: MedusaResponse): Promise<void> {
  const { environment } = req.validatedQuery as SetupQueryType
  const facts = await readSetupFacts(req.scope, environment)
  res.json({
    environment,
    steps: planSetupSteps(facts),
    urls: shopeeModule(req).urlsFor(environment),
    last_push: await readLatestPush(req.scope, environment),
  })
}
