import type { MedusaContainer } from "@medusajs/framework/types"
import type { ShopeeEnvironment } from "../../modules/shopee/environments"
import { resolveShopee } from "../shopee-module"
import type { ShipDefault } from "./plan-auto-arrangement"

/** The shipping default of the order's profile (the environment's active one when the row names none); null without a profile. */
export async function shipDefaultOf(
  container: MedusaContainer,
  environment: ShopeeEnvironment,
  profileId: string | null
): Promise<ShipDefault | null> {
  const shopee = resolveShopee(container)
  return (profileId ? shopee.getProfile(profileId) : shopee.getActiveProfile(environment)).catch(() => null)
}
