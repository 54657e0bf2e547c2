import type { SeedData } from "./seed.js"

/**
 * What the CLI starts with when there is no saved state: fixed, documented credentials so a
 * newcomer (and the repository's `npm start`) can configure the connector without looking them up.
 */
export const DEMO_PARTNER_ID = 2000001
export const DEMO_PARTNER_KEY = "shpk-sandbox-demo-partner-key-0000000000000000000000000000000001"
export const DEMO_PUSH_PARTNER_KEY = "shpk-sandbox-demo-push-partner-key-00000000000000000000000000001"
export const DEMO_SHOP_ID = 600001

export function demoSeed(callbackUrl: string | null): SeedData {
  return {
    partners: [
      {
        partner_id: DEMO_PARTNER_ID,
        partner_key: DEMO_PARTNER_KEY,
        push_partner_key: DEMO_PUSH_PARTNER_KEY,
        callback_url: callbackUrl,
        name: "Demo partner app",
      },
    ],
    shops: [
      {
        shop_id: DEMO_SHOP_ID,
        shop_name: "Demo Shopee shop",
        region: "SG",
        items: [
          { item_name: "Hand-thrown tea bowl (one of a kind)", item_sku: "BOWL-001", price: 48, stock: 1 },
          {
            item_name: "Linen tote bag",
            item_sku: "TOTE",
            models: [
              { model_name: "Natural", model_sku: "TOTE-NAT", price: 25, stock: 12 },
              { model_name: "Indigo", model_sku: "TOTE-IND", price: 27, stock: 5, reserved_stock: 2 },
            ],
          },
          { item_name: "Beeswax candle", item_sku: "CANDLE", price: 12, stock: 40 },
        ],
      },
    ],
  }
}
