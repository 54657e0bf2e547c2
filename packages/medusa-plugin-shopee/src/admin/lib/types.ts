/**
 * The shapes the connector's admin API answers with, as this page reads them. They come from
 * the server's own types, taken with type-only imports (the admin's Vite build erases them, so
 * nothing of the server enters the bundle), and from the client's vocabulary; dates arrive as
 * the ISO strings JSON makes of them. The only values taken from the server are the environments,
 * from a module file that imports nothing.
 *
 * Only files that import no module service are imported here: a type import makes the admin's
 * type check read the whole file and what it imports, and the service's decorators do not
 * compile under the admin's compiler options. The few types whose owner imports the service are
 * stated here, each saying so.
 */
import type { InferTypeOf } from "@medusajs/framework/types"
import type { ShopeeEnvironment } from "../../modules/shopee/environments"
import type { shopeeUrls } from "../../modules/shopee/shopee-urls"
import type { ConnectorException as ConnectorExceptionModel } from "../../modules/shopee/models/connector-exception"
import type { ShopeeOrderSync as ShopeeOrderSyncModel } from "../../modules/shopee/models/shopee-order-sync"
import type { ShopeeRawEvent as ShopeeRawEventModel } from "../../modules/shopee/models/shopee-raw-event"
import type { PresentedProfile, ProfileFieldsInput } from "../../modules/shopee/types"
import type { LabelState } from "./fulfilment-status"

export { SHOPEE_ENVIRONMENTS, isShopeeEnvironment, type ShopeeEnvironment } from "../../modules/shopee/environments"
export { SHOPEE_REGIONS, type ShopeeRegion } from "@shopee-medusa/shopee-client/vocabulary"

/** A server type as JSON carries it: dates become ISO strings, nested objects too. */
type Json<T> = T extends Date ? string : T extends (infer Item)[] ? Json<Item>[] : T extends object ? { [K in keyof T]: Json<T[K]> } : T

/** A model's row as the list and detail routes answer it (relations and soft-delete left out). */
type Row<Model> = Json<Omit<Model, "deleted_at">>

/** The translation key of an environment's name ("Sandbox", "Live"). */
export const environmentLabelKey = (environment: ShopeeEnvironment) => `shopee.env.${environment}`

/** A profile as every read shows it: secrets only as fingerprints (`shpk…5863·len64`). */
export type ShopeeProfile = Json<PresentedProfile>

export type RegistrationUrls = ReturnType<typeof shopeeUrls>

/** The module service's `TokenState` (stated here: its owner imports the service), as JSON. */
export type TokenState = {
  state: "none" | "connected" | "expired"
  access_expires_at: string | null
  refresh_expires_at: string | null
  last_refreshed_at: string | null
  shop_id: number | null
}

export type ActiveEnvironmentAnswer = {
  active_environment: ShopeeEnvironment
  pinned_environment: ShopeeEnvironment | null
}

/** `credentialsAnswer` (api/admin/shopee/shopee-module.ts; it imports the service). */
export type CredentialsAnswer = ActiveEnvironmentAnswer & {
  environment: ShopeeEnvironment
  profile: ShopeeProfile
  urls: RegistrationUrls
  /** Absent until the server stores tokens; the page then shows "No token". */
  token?: TokenState
}

export type ProfilesAnswer = { profiles: ShopeeProfile[]; count: number }

export type StockLocation = { id: string; name: string }

/**
 * What the form may send: the profile's fields as an operator gives them, with the ids as typed
 * (text, which the server validates) and the secrets only when typed.
 */
export type ProfileChanges = Partial<
  Omit<ProfileFieldsInput, "partner_id" | "shop_id" | "partner_key" | "push_partner_key" | "ship_default_address_id"> & {
    partner_id: string | null
    shop_id: string | null
    ship_default_address_id: string | null
    partner_key: string
    push_partner_key: string
  }
>

/** A list's environment filter: one environment, or every one (rows with no environment too). */
export type EnvironmentFilter = ShopeeEnvironment | "all"

export type ListPage = { count: number; limit: number; offset: number }

/** `dashboardSummary` (api/admin/dashboard/dashboard-summary.ts; it imports the service). */
export type DashboardSummary = {
  active_environment: ShopeeEnvironment
  env_filter: EnvironmentFilter
  orders: { total: number; by_status: Record<string, number>; without_status: number }
  open_exceptions: number
  unprocessed_events: number
  low_stock_items: number
  low_stock_threshold: number
  /** Pushes stored as rejected, what they take, and those over the rate limit (counted, not stored), within the retention. */
  rejected_pushes: { stored: number; bytes: number; refused: number; retention_days: number }
}

/**
 * The Medusa order beside a Shopee order. Stated here: the orders route passes Medusa's own
 * fields through as untyped records (its list workflow answers no narrower type).
 */
type MedusaOrderSummary = {
  id: string
  display_id: number | null
  status: string | null
  total: number | null
  currency_code: string | null
  payment_status: string | null
  fulfillment_status: string | null
  created_at: string | null
}

/**
 * One Shopee order as the connector synced it; `order` is the Medusa order once imported, `label`
 * its shipping label where the route answers it (absent from routes that do not read labels).
 */
export type ShopeeOrderSync = Row<InferTypeOf<typeof ShopeeOrderSyncModel>> & {
  order?: MedusaOrderSummary | null
  label?: LabelState | null
}

export type OrdersAnswer = ListPage & { orders: ShopeeOrderSync[] }

/** `environment` is null only on rows from before environments existed. */
export type ConnectorException = Row<InferTypeOf<typeof ConnectorExceptionModel>>

export type ExceptionsAnswer = ListPage & { exceptions: ConnectorException[] }

/** What a retry or a replay did; read defensively, the routes may answer less. */
export type ActionOutcome = { status?: string; message?: string | null }

export type RetryAnswer = { exception?: ConnectorException; outcome?: ActionOutcome }

type RawEventRow = Row<InferTypeOf<typeof ShopeeRawEventModel>>

/** A stored push: the list leaves out the body and headers, which the detail route adds. */
export type RawEvent = Omit<RawEventRow, "headers" | "raw_body" | "raw_body_base64"> &
  Partial<Pick<RawEventRow, "headers" | "raw_body" | "raw_body_base64">>

export type EventsAnswer = ListPage & { events: RawEvent[] }

export type ReplayAnswer = { event?: RawEvent; outcome?: ActionOutcome }
