/** The shapes the connector's admin API answers with, as this page reads them. */

export const SHOPEE_ENVIRONMENTS = ["sandbox", "live"] as const
export type ShopeeEnvironment = (typeof SHOPEE_ENVIRONMENTS)[number]

export const ENVIRONMENT_LABELS: Record<ShopeeEnvironment, string> = { sandbox: "Sandbox", live: "Live" }

export const SHOPEE_REGIONS = ["GLOBAL", "CHINA", "BRAZIL", "TEST_GLOBAL", "TEST_CHINA"] as const
export type ShopeeRegion = (typeof SHOPEE_REGIONS)[number]

export function isShopeeEnvironment(value: unknown): value is ShopeeEnvironment {
  return typeof value === "string" && (SHOPEE_ENVIRONMENTS as readonly string[]).includes(value)
}

export type ShopeeProfile = {
  id: string
  environment: ShopeeEnvironment
  name: string
  partner_id: number | null
  /** A fingerprint (`shpk…5863·len64`), never the secret. */
  partner_key: string | null
  push_partner_key: string | null
  shop_id: number | null
  region: ShopeeRegion
  api_base_url: string | null
  default_location_id: string | null
  is_active: boolean
  complete: boolean
  missing: string[]
  unreadable_secrets: string[]
  updated_at: string
}

export type RegistrationUrls = { oauth_callback_url: string; push_url: string }

export type TokenState = {
  state: "none" | "connected" | "expired"
  access_expires_at: string | null
  refresh_expires_at: string | null
  shop_id: number | null
}

export type CredentialsAnswer = {
  environment: ShopeeEnvironment
  active_environment: ShopeeEnvironment
  pinned_environment: ShopeeEnvironment | null
  profile: ShopeeProfile
  urls: RegistrationUrls
  /** Absent until the server stores tokens; the page then shows "No token". */
  token?: TokenState
}

export type ActiveEnvironmentAnswer = {
  active_environment: ShopeeEnvironment
  pinned_environment: ShopeeEnvironment | null
}

export type ProfilesAnswer = { profiles: ShopeeProfile[]; count: number }

export type StockLocation = { id: string; name: string }

/** What the form may send: ids as typed (the server validates them), secrets only when typed. */
export type ProfileChanges = Partial<{
  name: string
  partner_id: string | null
  partner_key: string
  push_partner_key: string
  shop_id: string | null
  region: ShopeeRegion
  api_base_url: string | null
  default_location_id: string | null
}>
