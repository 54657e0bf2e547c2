/**
 * The demo store: a trading-card shop selling in Singapore, where most items exist once,
 * which is exactly the case where a sale on Shopee must never also happen in the store.
 */
export const DEMO_REGION = { name: "Singapore", currency_code: "sgd", countries: ["sg"] }

export const DEMO_STOCK_LOCATION = {
  name: "Card Vault",
  address: { city: "Singapore", country_code: "SG", address_1: "1 Demo Street" },
}

export const SHOPEE_SALES_CHANNEL = "Shopee"
export const STORE_SALES_CHANNEL = "Default Sales Channel"

export type DemoProduct = {
  title: string
  handle: string
  description: string
  variants: { title: string; sku: string; price: number; stock: number }[]
}

export const DEMO_PRODUCTS: DemoProduct[] = [
  {
    title: "Charizard Holo, Base Set 4/102",
    handle: "charizard-base-set-4",
    description: "First edition holographic Charizard, graded PSA 8. One copy.",
    variants: [{ title: "PSA 8", sku: "PKM-BS-004-PSA8", price: 1250, stock: 1 }],
  },
  {
    title: "Pikachu Illustrator Promo",
    handle: "pikachu-illustrator",
    description: "The 1998 CoroCoro illustration contest promo. One copy.",
    variants: [{ title: "Ungraded", sku: "PKM-PROMO-ILLUS", price: 9800, stock: 1 }],
  },
  {
    title: "Black Lotus, Unlimited",
    handle: "black-lotus-unlimited",
    description: "Magic: The Gathering, Unlimited edition. Two copies in two grades.",
    variants: [
      { title: "BGS 7", sku: "MTG-2U-LOTUS-BGS7", price: 14500, stock: 1 },
      { title: "BGS 8.5", sku: "MTG-2U-LOTUS-BGS85", price: 21000, stock: 1 },
    ],
  },
  {
    title: "Scarlet & Violet Booster Box",
    handle: "sv-booster-box",
    description: "Sealed booster box, 36 packs.",
    variants: [{ title: "Sealed", sku: "PKM-SV1-BB", price: 189, stock: 12 }],
  },
]
