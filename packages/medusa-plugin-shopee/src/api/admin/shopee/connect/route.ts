import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { ShopeeEnvironment } from "../../../../modules/shopee/environments"
import { answerConflicts } from "../../../answer-conflicts"
import { setOAuthBindingCookie } from "../../../connectors/shopee/oauth-binding-cookie"
import { shopeeModule } from "../shopee-module"

/**
 * The Shopee authorization link for the environment's active profile, to open in the browser.
 * The state in it is bound to this admin user and, through a cookie, to this browser.
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse): Promise<void> {
  const { env } = req.validatedQuery as { env: ShopeeEnvironment }
  const shopee = shopeeModule(req)
  await answerConflicts(res, async () => {
    const { binding_secret, ...link } = await shopee.createAuthorizationLink(env, { actor_id: req.auth_context?.actor_id ?? null })
    setOAuthBindingCookie(res, env, binding_secret, shopee.publicUrlForPath("/"))
    res.json(link)
  })
}
