import crypto from "node:crypto"
import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createUserAccountWorkflow } from "@medusajs/medusa/core-flows"

export type AdminUserOutcome = { created: true; email: string; password: string } | { created: false; email: string }

export const DEFAULT_ADMIN_EMAIL = "admin@shopee-connector.local"

/**
 * Makes sure someone can log in to the admin. The password is generated (or taken from
 * ADMIN_PASSWORD) and returned only when the user is created, so it is printed exactly once.
 */
export async function ensureAdminUser(
  container: MedusaContainer,
  options: { email?: string; password?: string } = {}
): Promise<AdminUserOutcome> {
  const email = options.email || DEFAULT_ADMIN_EMAIL
  const users = container.resolve(Modules.USER)
  const [existing] = await users.listUsers({ email })
  if (existing) {
    return { created: false, email }
  }
  const password = options.password || crypto.randomBytes(12).toString("base64url")
  const auth = container.resolve(Modules.AUTH)
  const { authIdentity, error } = await auth.register("emailpass", { body: { email, password } })
  if (error || !authIdentity) {
    throw new Error(`Could not register the admin user ${email}: ${error ?? "no identity returned"}`)
  }
  await createUserAccountWorkflow(container).run({
    input: { authIdentityId: authIdentity.id, userData: { email } },
  })
  return { created: true, email, password }
}
