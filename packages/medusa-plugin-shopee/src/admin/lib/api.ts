import { sdk } from "./sdk"
import type {
  ActiveEnvironmentAnswer,
  CredentialsAnswer,
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

  profiles: (environment: ShopeeEnvironment) =>
    sdk.client.fetch<ProfilesAnswer>("/admin/shopee/profiles", { query: { env: environment } }),

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

  deleteProfile: (id: string) =>
    sdk.client.fetch<{ id: string; deleted: boolean }>(`/admin/shopee/profiles/${id}`, { method: "DELETE" }),

  /** Shopee's authorization link for the environment's active profile. */
  connect: (environment: ShopeeEnvironment) =>
    sdk.client.fetch<{ url: string }>("/admin/shopee/connect", { method: "POST", query: { env: environment } }),

  stockLocations: () =>
    sdk.client.fetch<{ stock_locations: StockLocation[] }>("/admin/stock-locations", {
      query: { fields: "id,name", limit: 100 },
    }),
}
