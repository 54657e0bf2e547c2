import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { SHOPEE_ENVIRONMENTS } from "../../../../modules/shopee/environments"
import type ShopeeModuleService from "../../../../modules/shopee/service"
import { answerConflicts } from "../../../answer-conflicts"
import { shopeeModule } from "../shopee-module"
import type { SwitchEnvironmentBodyType } from "../validators"

/** Where this instance stands: its environment, a pin if any, and whether each environment is ready. */
async function environmentsAnswer(shopee: ShopeeModuleService) {
  const environments = Object.fromEntries(
    await Promise.all(
      SHOPEE_ENVIRONMENTS.map(async (environment) => {
        const profile = await shopee.getActiveProfile(environment)
        return [
          environment,
          { profile_id: profile.id, complete: profile.complete, missing: profile.missing, urls: shopee.urlsFor(environment) },
        ] as const
      })
    )
  )
  return {
    active_environment: await shopee.getActiveEnvironment(),
    pinned_environment: shopee.pinnedEnvironment ?? null,
    environments,
  }
}

export async function GET(req: MedusaRequest, res: MedusaResponse): Promise<void> {
  res.json(await environmentsAnswer(shopeeModule(req)))
}

/** Switches the served environment: 409 naming every missing field when the target is incomplete. */
export async function POST(req: MedusaRequest<SwitchEnvironmentBodyType>, res: MedusaResponse): Promise<void> {
  const shopee = shopeeModule(req)
  await answerConflicts(res, async () => {
    const { changed } = await shopee.switchActiveEnvironment(req.validatedBody.environment)
    res.json({ changed, ...(await environmentsAnswer(shopee)) })
  })
}
