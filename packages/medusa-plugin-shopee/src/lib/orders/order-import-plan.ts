import type { OrderDetail, RecipientAddress } from "@shopee-medusa/shopee-client"

export type PlannedLine = {
  item_id: number
  model_id: number
  sku: string | null
  title: string
  quantity: number
  /** Gross, as the buyer paid it: Shopee's prices include tax. */
  unit_price: number
}

export type PlannedAddress = {
  first_name: string
  last_name: string
  phone: string
  address_1: string
  address_2: string
  city: string
  province: string
  postal_code: string
  country_code: string
}

/**
 * What a Shopee order becomes in Medusa, before any variant is looked up. Masked address
 * fields (`****`) are kept as Shopee sends them: they are all the merchant gets.
 */
export function planOrderImport(detail: OrderDetail) {
  const lines: PlannedLine[] = (detail.item_list ?? []).map((item) => ({
    item_id: item.item_id,
    model_id: item.model_id,
    // A model's own SKU names the variation sold; the item's SKU is the fallback.
    sku: item.model_sku || item.item_sku || null,
    title: [item.item_name, item.model_name].filter(Boolean).join(" — ") || `Shopee item ${item.item_id}`,
    quantity: item.model_quantity_purchased,
    // Bundle deals report a discounted price of 0; the original price is then what was charged.
    unit_price: item.model_discounted_price > 0 ? item.model_discounted_price : item.model_original_price,
  }))
  const linesTotal = lines.reduce((sum, line) => sum + line.unit_price * line.quantity, 0)
  // Shopee's total includes what the buyer paid for shipping; the rest is the shipping line.
  const shippingAmount = detail.total_amount !== undefined ? Math.max(0, round2(detail.total_amount - linesTotal)) : 0
  const recipient: Partial<RecipientAddress> = detail.recipient_address ?? {}
  const address: PlannedAddress = {
    first_name: recipient.name ?? "",
    last_name: "",
    phone: recipient.phone ?? "",
    address_1: recipient.full_address ?? "",
    address_2: [recipient.town, recipient.district].filter(Boolean).join(", "),
    city: recipient.city ?? "",
    province: recipient.state ?? "",
    postal_code: recipient.zipcode ?? "",
    country_code: (recipient.region ?? detail.region ?? "").toLowerCase(),
  }
  const buyer = detail.buyer_user_id ?? detail.buyer_username ?? detail.order_sn
  return {
    lines,
    shipping_amount: shippingAmount,
    address,
    currency_code: detail.currency.toLowerCase(),
    // Shopee never shares the buyer's e-mail: one stable placeholder per buyer.
    email: `buyer-${String(buyer).toLowerCase().replace(/[^a-z0-9._-]/g, "-")}@shopee.invalid`,
  }
}

function round2(value: number): number {
  return Math.round(value * 100) / 100
}
