import type { ShopeeRegion } from "@shopee-medusa/shopee-client"
import type { ShopeeEnvironment } from "./environments"
import type { ShipDefaultMode } from "./models/shopee-profile"

/** Profile fields as an operator sends them: secrets in plain text, once. */
export type ProfileFieldsInput = {
  name?: string
  partner_id?: number | null
  partner_key?: string | null
  push_partner_key?: string | null
  shop_id?: number | null
  region?: ShopeeRegion
  api_base_url?: string | null
  default_location_id?: string | null
  ship_default_mode?: ShipDefaultMode | null
  ship_default_address_id?: number | null
  ship_auto_delay_minutes?: number
}

export type CreateProfileInput = ProfileFieldsInput & { environment: ShopeeEnvironment; name: string }

/** A profile as every read shows it: secrets only as fingerprints. */
export type PresentedProfile = {
  id: string
  environment: ShopeeEnvironment
  name: string
  partner_id: number | null
  partner_key: string | null
  push_partner_key: string | null
  shop_id: number | null
  region: ShopeeRegion
  api_base_url: string | null
  default_location_id: string | null
  ship_default_mode: ShipDefaultMode | null
  ship_default_address_id: number | null
  ship_auto_delay_minutes: number
  is_active: boolean
  complete: boolean
  missing: string[]
  /** Secrets that are stored but cannot be read with this server's keys. */
  unreadable_secrets: string[]
  updated_at: Date
}

/** What a call to Shopee needs, decrypted. Never leaves the server. */
export type ProfileCredentials = {
  profile_id: string
  environment: ShopeeEnvironment
  partner_id: number
  partner_key: string
  push_partner_key: string | null
  shop_id: number
  region: ShopeeRegion
  api_base_url: string | null
}
