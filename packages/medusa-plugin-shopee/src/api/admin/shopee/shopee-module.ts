import type { MedusaRequest } from "@medusajs/framework/http"
import { SHOPEE_MODULE } from "../../../modules/shopee"
import type { ShopeeEnvironment } from "../../../modules/shopee/environments"
import type ShopeeModuleService from "../../../modules/shopee/service"
import type { PresentedProfile } from "../../../modules/shopee/types"

export function shopeeModule(req: MedusaRequest): ShopeeModuleService {
  return req.scope.resolve<ShopeeModuleService>(SHOPEE_MODULE)
}

/** Every profile answer also says which URLs to register at Shopee for its environment. */
export function profileAnswer(shopee: ShopeeModuleService, profile: PresentedProfile) {
  return { profile, urls: shopee.urlsFor(profile.environment) }
}

/** The credentials page's read: the active profile of an environment, and where it stands. */
export async function credentialsAnswer(shopee: ShopeeModuleService, environment: ShopeeEnvironment) {
  return {
    environment,
    active_environment: await shopee.getActiveEnvironment(),
    pinned_environment: shopee.pinnedEnvironment ?? null,
    ...profileAnswer(shopee, await shopee.getActiveProfile(environment)),
    token: await shopee.getTokenState(environment),
  }
}
