import { SANDBOX_PARTNER, SANDBOX_SHOP_ID } from "../integration-tests/helpers/sandbox"
import type { AdminApi } from "../scripts/admin-server"

/**
 * Fills the sandbox profile (the active environment on a fresh database) with the test
 * partner of the integration tests, so that pushes signed with its push partner key verify.
 * `apiBaseUrl` points the connector at a running simulator.
 */
export async function configureSandboxProfile(api: AdminApi, apiBaseUrl?: string): Promise<void> {
  const { status, data } = await api("PATCH", "/admin/shopee/credentials?env=sandbox", {
    partner_id: SANDBOX_PARTNER.partner_id,
    partner_key: SANDBOX_PARTNER.partner_key,
    push_partner_key: SANDBOX_PARTNER.push_partner_key,
    shop_id: SANDBOX_SHOP_ID,
    ...(apiBaseUrl ? { api_base_url: apiBaseUrl } : {}),
  })
  if (status !== 200) throw new Error(`Configuring the sandbox profile failed: ${status} ${JSON.stringify(data)}`)
}
