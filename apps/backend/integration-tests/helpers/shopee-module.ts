import type { MedusaContainer } from "@medusajs/framework/types"

/**
 * The parts of the plugin's `shopee` module service the tests call directly. The plugin is
 * consumed from its build, which ships no declarations, so the shape is stated here.
 */
export type ShopeeModuleForTests = {
  getClient(environment: "sandbox" | "live"): Promise<{
    client: object
    credentials: { partner_id: number; shop_id: number; partner_key: string }
  }>
  getShopApi(
    environment: "sandbox" | "live",
    withLock: <T>(key: string, job: () => Promise<T>) => Promise<T>
  ): Promise<{ shop: { orders: { getOrderList(request: Record<string, unknown>): Promise<unknown> } } }>
  listProfiles(environment?: "sandbox" | "live"): Promise<{ id: string; partner_key: string | null }[]>
  rotateEncryption(options: {
    dryRun?: boolean
    batchSize?: number
    onProgress?: (progress: { done: number; total: number }) => void | Promise<void>
  }): Promise<unknown>
}

export function shopeeModule(container: MedusaContainer): ShopeeModuleForTests {
  return container.resolve<ShopeeModuleForTests>("shopee")
}
