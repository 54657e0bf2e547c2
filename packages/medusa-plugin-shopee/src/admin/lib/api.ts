import type { LabelState } from "./fulfilment-status"
import { sdk } from "./sdk"
import type {
  ActiveEnvironmentAnswer,
  ConnectorException,
  CredentialsAnswer,
  DashboardSummary,
  EnvironmentFilter,
  EventsAnswer,
  ExceptionsAnswer,
  OrdersAnswer,
  RawEvent,
  ReplayAnswer,
  RetryAnswer,
  ShopeeOrderSync,
  ProfileChanges,
  ProfilesAnswer,
  ShopeeEnvironment,
  ShopeeProfile,
  StockLocation,
} from "./types"

/** The connector's admin routes, one function each; every non-2xx answer throws with the API's message. */
export const shopeeApi = {
  activeEnvironment: () => sdk.client.fetch<ActiveEnvironmentAnswer>("/admin/shopee/active-environment"),

  switchEnvironment: (environment: ShopeeEnvironment) =>
    sdk.client.fetch<ActiveEnvironmentAnswer & { changed: boolean }>("/admin/shopee/active-environment", {
      method: "POST",
      body: { environment },
    }),

  credentials: (environment: ShopeeEnvironment) =>
    sdk.client.fetch<CredentialsAnswer>("/admin/shopee/credentials", { query: { env: environment } }),

  profiles: (environment: ShopeeEnvironment) => sdk.client.fetch<ProfilesAnswer>("/admin/shopee/profiles", { query: { env: environment } }),

  /**
   * The active profile is saved through the credentials route, the one that serves the
   * environment; any other profile through its own route.
   */
  saveProfile: (profile: ShopeeProfile, changes: ProfileChanges) =>
    profile.is_active
      ? sdk.client.fetch<CredentialsAnswer>("/admin/shopee/credentials", {
          method: "PATCH",
          query: { env: profile.environment },
          body: changes,
        })
      : sdk.client.fetch<{ profile: ShopeeProfile }>(`/admin/shopee/profiles/${profile.id}`, {
          method: "PATCH",
          body: changes,
        }),

  createProfile: (environment: ShopeeEnvironment, name: string) =>
    sdk.client.fetch<{ profile: ShopeeProfile }>("/admin/shopee/profiles", {
      method: "POST",
      body: { environment, name },
    }),

  activateProfile: (id: string) =>
    sdk.client.fetch<{ profile: ShopeeProfile }>(`/admin/shopee/profiles/${id}/activate`, { method: "POST" }),

  deleteProfile: (id: string) => sdk.client.fetch<{ id: string; deleted: boolean }>(`/admin/shopee/profiles/${id}`, { method: "DELETE" }),

  /** Shopee's authorization link for the environment's active profile. */
  connect: (environment: ShopeeEnvironment) =>
    sdk.client.fetch<{ url: string }>("/admin/shopee/connect", { method: "POST", query: { env: environment } }),

  stockLocations: () =>
    sdk.client.fetch<{ stock_locations: StockLocation[] }>("/admin/stock-locations", {
      query: { fields: "id,name", limit: 100 },
    }),
}

/** The list routes take only the filters that are set. */
function definedOnly(query: Record<string, string | number | undefined>): Record<string, string | number> {
  return Object.fromEntries(Object.entries(query).filter(([, value]) => value !== undefined && value !== "")) as Record<
    string,
    string | number
  >
}

export type ListQuery = {
  env?: string
  status?: string
  q?: string
  kind?: string
  code?: string
  limit: number
  offset: number
}

/** The lists, the overview's counts and the actions on exceptions and events. */
export const shopeeListsApi = {
  summary: (env: EnvironmentFilter | undefined) =>
    sdk.client.fetch<DashboardSummary>("/admin/dashboard/summary", { query: definedOnly({ env }) }),

  orders: ({ env, status, q, limit, offset }: ListQuery) =>
    sdk.client.fetch<OrdersAnswer>("/admin/shopee/orders", { query: definedOnly({ env, status, q, limit, offset }) }),

  /**
   * The Shopee side of one Medusa order, or null when the order did not come from Shopee; its
   * shipping label where the route answers it (beside the row or on it).
   */
  orderByMedusaOrder: (orderId: string) =>
    sdk.client.fetch<{ shopee_order: ShopeeOrderSync | null; label?: LabelState | null }>(
      `/admin/shopee/orders/by-order/${encodeURIComponent(orderId)}`
    ),

  exceptions: ({ env, status, kind, limit, offset }: ListQuery) =>
    sdk.client.fetch<ExceptionsAnswer>("/admin/shopee/exceptions", {
      query: definedOnly({ env, status, kind, limit, offset }),
    }),

  retryException: (id: string) => sdk.client.fetch<RetryAnswer>(`/admin/shopee/exceptions/${id}/retry`, { method: "POST" }),

  resolveException: (id: string) =>
    sdk.client.fetch<{ exception: ConnectorException }>(`/admin/shopee/exceptions/${id}/resolve`, { method: "POST" }),

  events: ({ env, status, code, limit, offset }: ListQuery) =>
    sdk.client.fetch<EventsAnswer>("/admin/shopee/events", { query: definedOnly({ env, status, code, limit, offset }) }),

  event: (id: string) => sdk.client.fetch<{ event: RawEvent }>(`/admin/shopee/events/${id}`),

  replayEvent: (id: string) => sdk.client.fetch<ReplayAnswer>(`/admin/shopee/events/${id}/replay`, { method: "POST" }),
}
