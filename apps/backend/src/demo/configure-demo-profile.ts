import type { MedusaContainer } from "@medusajs/framework/types"

export type DemoSandboxSettings = {
  url: string
  shop_id: number
  partner_id: number
  partner_key: string
  push_partner_key: string
}

type ShopeeProfiles = {
  getActiveProfile(environment: "sandbox"): Promise<{ id: string; partner_id: number | null }>
  updateProfile(id: string, input: Record<string, unknown>): Promise<unknown>
}

/**
 * Points the sandbox profile at the simulator `npm start` runs, so a newcomer can connect the
 * shop and watch orders arrive without any setup. A profile someone filled in is left alone.
 */
export async function configureDemoProfile(container: MedusaContainer, sandbox: DemoSandboxSettings): Promise<boolean> {
  const shopee = container.resolve<ShopeeProfiles>("shopee")
  const profile = await shopee.getActiveProfile("sandbox")
  if (profile.partner_id !== null) {
    return false
  }
  await shopee.updateProfile(profile.id, {
    name: "Shopee sandbox simulator",
    partner_id: sandbox.partner_id,
    partner_key: sandbox.partner_key,
    push_partner_key: sandbox.push_partner_key,
    shop_id: sandbox.shop_id,
    api_base_url: sandbox.url,
  })
  return true
}
