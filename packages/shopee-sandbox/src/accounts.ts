import type { Merchant, Partner, SandboxState, Shop } from "./model.js"

export interface PartnerInput {
  partner_id: number
  partner_key: string
  push_partner_key: string
  callback_url?: string | null
  name?: string
}

export interface ShopInput {
  shop_id?: number
  shop_name?: string
  region?: string
  currency?: string
  location_ids?: string[]
  merchant_id?: number | null
}

export interface MerchantInput {
  merchant_id: number
  main_account_id: number
  merchant_name?: string
  region?: string
  currency?: string
}

const CURRENCY_BY_REGION: Record<string, string> = {
  SG: "SGD",
  MY: "MYR",
  TH: "THB",
  ID: "IDR",
  VN: "VND",
  PH: "PHP",
  TW: "TWD",
  BR: "BRL",
  MX: "MXN",
  CO: "COP",
  CL: "CLP",
}

export class DuplicateError extends Error {}

/** Partner apps, shops and merchants (the parties that sign requests and own catalogues). */
export class Accounts {
  constructor(private readonly state: SandboxState) {}

  addPartner(input: PartnerInput): Partner {
    if (this.partner(input.partner_id)) throw new DuplicateError(`partner ${input.partner_id} already exists`)
    const partner: Partner = {
      partner_id: input.partner_id,
      partner_key: input.partner_key,
      push_partner_key: input.push_partner_key,
      callback_url: input.callback_url ?? null,
      name: input.name ?? `Partner ${input.partner_id}`,
    }
    this.state.partners.push(partner)
    return partner
  }

  updatePartner(partnerId: number, patch: Partial<Omit<Partner, "partner_id">>): Partner | undefined {
    const partner = this.partner(partnerId)
    if (partner) Object.assign(partner, patch)
    return partner
  }

  partner(partnerId: number): Partner | undefined {
    return this.state.partners.find((p) => p.partner_id === partnerId)
  }

  addShop(input: ShopInput): Shop {
    const shopId = input.shop_id ?? ++this.state.counters.shop
    if (this.shop(shopId)) throw new DuplicateError(`shop ${shopId} already exists`)
    const region = input.region ?? "SG"
    const shop: Shop = {
      shop_id: shopId,
      shop_name: input.shop_name ?? `Sandbox shop ${shopId}`,
      region,
      currency: input.currency ?? CURRENCY_BY_REGION[region] ?? "SGD",
      location_ids: input.location_ids && input.location_ids.length > 0 ? input.location_ids : [`${region}Z`],
      merchant_id: input.merchant_id ?? null,
    }
    this.state.shops.push(shop)
    return shop
  }

  shop(shopId: number): Shop | undefined {
    return this.state.shops.find((s) => s.shop_id === shopId)
  }

  addMerchant(input: MerchantInput): Merchant {
    if (this.merchant(input.merchant_id)) throw new DuplicateError(`merchant ${input.merchant_id} already exists`)
    const region = input.region ?? "CN"
    const merchant: Merchant = {
      merchant_id: input.merchant_id,
      merchant_name: input.merchant_name ?? `Sandbox merchant ${input.merchant_id}`,
      main_account_id: input.main_account_id,
      region,
      currency: input.currency ?? "CNY",
    }
    this.state.merchants.push(merchant)
    return merchant
  }

  merchant(merchantId: number): Merchant | undefined {
    return this.state.merchants.find((m) => m.merchant_id === merchantId)
  }

  /** What a main account authorizes at once: its merchants and their shops. */
  mainAccountScope(mainAccountId: number): { merchant_ids: number[]; shop_ids: number[] } {
    const merchantIds = this.state.merchants.filter((m) => m.main_account_id === mainAccountId).map((m) => m.merchant_id)
    const shopIds = this.state.shops.filter((s) => s.merchant_id !== null && merchantIds.includes(s.merchant_id)).map((s) => s.shop_id)
    return { merchant_ids: merchantIds, shop_ids: shopIds }
  }
}
