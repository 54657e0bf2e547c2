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

/** A list's environment filter: one environment, or every one (rows with no environment too). */
export type EnvironmentFilter = ShopeeEnvironment | "all"

export type ListPage = { count: number; limit: number; offset: number }

export type DashboardSummary = {
  active_environment: ShopeeEnvironment
  env_filter: EnvironmentFilter
  orders: { total: number; by_status: Record<string, number>; without_status: number }
  open_exceptions: number
  unprocessed_events: number
  low_stock_items: number
  low_stock_threshold: number
}

export type MedusaOrderSummary = {
  id: string
  display_id: number | null
  status: string | null
  total: number | null
  currency_code: string | null
  payment_status: string | null
  fulfillment_status: string | null
  created_at: string | null
}

/** One Shopee order as the connector synced it; `order` is the Medusa order once imported. */
export type ShopeeOrderSync = {
  id: string
  environment: ShopeeEnvironment
  order_sn: string
  shop_id: string
  order_id: string | null
  state: string
  state_reason: string | null
  shopee_status: string | null
  shopee_update_time: number | null
  currency: string | null
  total_amount: number | null
  buyer_username: string | null
  tracking_number: string | null
  paid: boolean
  last_synced_at: string | null
  created_at: string
  order?: MedusaOrderSummary | null
}

export type OrdersAnswer = ListPage & { orders: ShopeeOrderSync[] }

export type ConnectorException = {
  id: string
  /** Null on rows from before environments existed. */
  environment: ShopeeEnvironment | null
  kind: string
  message: string
  payload_ref: string | null
  status: string
  attempts: number
  next_attempt_at: string | null
  resolved_at: string | null
  created_at: string
}

export type ExceptionsAnswer = ListPage & { exceptions: ConnectorException[] }

/** What a retry or a replay did; read defensively, the routes may answer less. */
export type ActionOutcome = { status?: string; message?: string | null }

export type RetryAnswer = { exception?: ConnectorException; outcome?: ActionOutcome }

export type RawEvent = {
  id: string
  environment: ShopeeEnvironment
  code: number | null
  shop_id: string | null
  order_sn: string | null
  signature_ok: boolean
  parse_error: string | null
  status: string
  processed: boolean
  status_reason: string | null
  attempts: number
  last_error: string | null
  duplicate_of: string | null
  created_at: string
  path?: string
  headers?: Record<string, unknown> | null
  raw_body?: string
}

export type EventsAnswer = ListPage & { events: RawEvent[] }

export type ReplayAnswer = { event?: RawEvent; outcome?: ActionOutcome }
