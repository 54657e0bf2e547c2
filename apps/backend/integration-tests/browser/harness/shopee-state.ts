import crypto from "node:crypto"
import type { AdminApi } from "../../../scripts/admin-server"

/** Sandbox credentials as a configured store has them; the keys end as the fingerprints shown in the issue. */
export const SANDBOX_CREDENTIALS = {
  partner_id: 1000123,
  partner_key: "shpk" + crypto.randomBytes(28).toString("hex") + "5863",
  push_partner_key: "aaaa" + crypto.randomBytes(28).toString("hex") + "6x9s",
  shop_id: 225661,
  region: "TEST_GLOBAL",
}

export const LIVE_CREDENTIALS = {
  partner_id: 2001887,
  partner_key: "shpk" + crypto.randomBytes(28).toString("hex") + "7710",
  shop_id: 880123,
}

const EMPTY_PROFILE = {
  partner_id: null,
  partner_key: null,
  push_partner_key: null,
  shop_id: null,
  api_base_url: null,
  default_location_id: null,
}

async function expectOk(api: AdminApi, method: string, route: string, body?: unknown) {
  const response = await api(method, route, body)
  if (response.status >= 300) {
    throw new Error(`${method} ${route} answered ${response.status}: ${JSON.stringify(response.data)}`)
  }
  return response.data
}

/**
 * Every test starts from the state of the Phase 6 smoke test: Sandbox active with one complete
 * profile "Default", Live with one empty profile "Default". Set through the admin API in an
 * order that each step allows: Sandbox is made complete before it is switched to, and Live is
 * emptied only once it no longer serves.
 */
export async function resetShopeeState(api: AdminApi): Promise<void> {
  for (const environment of ["sandbox", "live"]) {
    const { profiles } = await expectOk(api, "GET", `/admin/shopee/profiles?env=${environment}`)
    for (const profile of profiles.filter((candidate: { is_active: boolean }) => !candidate.is_active)) {
      await expectOk(api, "DELETE", `/admin/shopee/profiles/${profile.id}`)
    }
  }
  await expectOk(api, "PATCH", "/admin/shopee/credentials?env=sandbox", {
    ...EMPTY_PROFILE,
    ...SANDBOX_CREDENTIALS,
    name: "Default",
  })
  await expectOk(api, "POST", "/admin/shopee/active-environment", { environment: "sandbox" })
  await expectOk(api, "PATCH", "/admin/shopee/credentials?env=live", { ...EMPTY_PROFILE, name: "Default", region: "GLOBAL" })
}

export async function completeLiveProfile(api: AdminApi): Promise<void> {
  await expectOk(api, "PATCH", "/admin/shopee/credentials?env=live", LIVE_CREDENTIALS)
}
