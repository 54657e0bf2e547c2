import path from "node:path"
import { DEMO_PRODUCTS } from "../src/demo/demo-catalogue"

export type DemoSandbox = {
  url: string
  partner: { partner_id: number; partner_key: string; push_partner_key: string }
  shop_id: number
  close(): Promise<void>
}

/**
 * The Shopee simulator for the demo: one partner app and one shop that sells the demo store's
 * cards under the same SKUs, pushing to this store's webhook. Its state is kept in .data so
 * orders and authorizations survive a restart. Loaded after the build, from its dist.
 */
export async function startDemoSandbox(options: { port: number; dataDir: string; medusaUrl: string }): Promise<DemoSandbox> {
  const sandboxPackage = await import("@shopee-medusa/shopee-sandbox")
  const partner = {
    partner_id: sandboxPackage.DEMO_PARTNER_ID,
    partner_key: sandboxPackage.DEMO_PARTNER_KEY,
    push_partner_key: sandboxPackage.DEMO_PUSH_PARTNER_KEY,
  }
  const running = await sandboxPackage.startSandbox({
    port: options.port,
    stateFile: path.join(options.dataDir, "shopee-sandbox.json"),
    partners: [{ ...partner, name: "Card Vault connector", callback_url: `${options.medusaUrl}/connectors/shopee/webhook/sandbox` }],
    shops: [
      {
        shop_id: sandboxPackage.DEMO_SHOP_ID,
        shop_name: "Card Vault on Shopee",
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
  return { url: running.url, partner, shop_id: sandboxPackage.DEMO_SHOP_ID, close: () => running.close() }
}
