import path from "node:path"
import { DEMO_PRODUCTS } from "../src/demo/demo-catalogue"

export type DemoSandbox = {
  url: string
  partner: { partner_id: number; partner_key: string; push_partner_key: string }
  shop_id: number
  close(): Promise<void>
}

/**
 * The live instance of `npm start -- --instances` cannot reach Shopee, so a second simulator
 * stands in for it, with a partner app and shop of its own: a push or call sent to the wrong
 * instance then fails its signature instead of passing for the right one.
 */
export const LIVE_DEMO_PARTNER = {
  partner_id: 2000002,
  partner_key: "shpk-live-simulator-partner-key-00000000000000000000000000000002",
  push_partner_key: "shpk-live-simulator-push-partner-key-000000000000000000000000002",
}
export const LIVE_DEMO_SHOP_ID = 600002

/**
 * The Shopee simulator for the demo: one partner app and one shop that sells the demo store's
 * cards under the same SKUs, pushing to this store's webhook for `environment` (default
 * sandbox). Its state is kept in `dataDir` so orders and authorizations survive a restart.
 * Loaded after the build, from its dist.
 */
export async function startDemoSandbox(options: {
  port: number
  dataDir: string
  medusaUrl: string
  environment?: "sandbox" | "live"
}): Promise<DemoSandbox> {
  const sandboxPackage = await import("@shopee-medusa/shopee-sandbox")
  const live = options.environment === "live"
  const partner = live
    ? LIVE_DEMO_PARTNER
    : {
        partner_id: sandboxPackage.DEMO_PARTNER_ID,
        partner_key: sandboxPackage.DEMO_PARTNER_KEY,
        push_partner_key: sandboxPackage.DEMO_PUSH_PARTNER_KEY,
      }
  const shopId = live ? LIVE_DEMO_SHOP_ID : sandboxPackage.DEMO_SHOP_ID
  const running = await sandboxPackage.startSandbox({
    port: options.port,
    stateFile: path.join(options.dataDir, "shopee-sandbox.json"),
    partners: [
      {
        ...partner,
        name: "Card Vault connector",
        callback_url: `${options.medusaUrl}/connectors/shopee/webhook/${options.environment ?? "sandbox"}`,
      },
    ],
    shops: [
      {
        shop_id: shopId,
        shop_name: live ? "Card Vault on Shopee (live, simulated)" : "Card Vault on Shopee",
        region: "SG",
        items: DEMO_PRODUCTS.flatMap((product) =>
          product.variants.map((variant) => ({
            item_name: product.variants.length > 1 ? `${product.title} (${variant.title})` : product.title,
            item_sku: variant.sku,
            price: variant.price,
            stock: variant.stock,
          }))
        ),
      },
    ],
  })
  return { url: running.url, partner, shop_id: shopId, close: () => running.close() }
}
