import type { MedusaContainer } from "@medusajs/framework/types"
import type { AxiosInstance } from "axios"
import { ensureAdminUser } from "../../src/demo/ensure-admin-user"

/** Logs in as a fresh admin user (the same way `npm start` creates one) and returns auth headers. */
export async function adminHeaders(api: AxiosInstance, container: MedusaContainer) {
  const email = `admin-${Math.random().toString(36).slice(2)}@example.com`
  const admin = await ensureAdminUser(container, { email, password: "test-password-123" })
  const login = await api.post("/auth/user/emailpass", { email: admin.email, password: "test-password-123" })
  return { headers: { authorization: `Bearer ${login.data.token}` }, validateStatus: () => true }
}
