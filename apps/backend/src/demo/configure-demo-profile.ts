import type { MedusaContainer } from "@medusajs/framework/types"

export type DemoSandboxSettings = {
  url: string
  shop_id: number
  partner_id: number
  partner_key: string
  push_partner_key: string
  /** The profile pointed at the simulator: live for the live instance of `npm start -- --instances`. Default sandbox. */
  environment?: "sandbox" | "live"
}

type ShopeeProfiles = {
  getActiveProfile(environment: "sandbox" | "live"): Promise<{ id: string; partner_id: number | null }>
  updateProfile(id: string, input: Record<string, unknown>): Promise<unknown>
  changeStockSettings(environment: "sandbox" | "live", change: { mode: "mirror"; actor_id: string }): Promise<unknown>
}

/** Who the stock writer's mode change is recorded as, where a person would be. */
export const DEMO_ACTOR = "npm start demo"

/**
 * Points the sandbox profile (or, for a live instance, the live one) at the simulator `npm start` runs, so a newcomer can connect the
 * shop and watch orders arrive without any setup, and arms its stock writer in Mirror, so that a
 * sale in the store shows on the simulator's shop. Only the simulator's shop is ever armed this
 * way. A profile someone filled in is left alone.
 */
export async function configureDemoProfile(container: MedusaContainer, sandbox: DemoSandboxSettings): Promise<boolean> {
  const shopee = container.resolve<ShopeeProfiles>("shopee")
  const environment = sandbox.environment ?? "sandbox"
  const profile = await shopee.getActiveProfile(environment)
  if (profile.partner_id !== null) {
    return false
  }
  await shopee.updateProfile(profile.id, {
    name: `Shopee ${environment} simulator`,
    partner_id: sandbox.partner_id,
    partner_key: sandbox.partner_key,
    push_partner_key: sandbox.push_partner_key,
    shop_id: sandbox.shop_id,
    api_base_url: sandbox.url,
  })
  await shopee.changeStockSettings(environment, { mode: "mirror", actor_id: DEMO_ACTOR })
  return true
}
