import fs from "node:fs"
import type { ExecArgs } from "@medusajs/framework/types"
import { configureDemoProfile } from "../demo/configure-demo-profile"
import { ensureAdminUser } from "../demo/ensure-admin-user"
import { seedDemoStore } from "../demo/seed-demo-store"

/**
 * `medusa exec ./src/scripts/seed.ts`: the demo store and the admin user, each once, and (when
 * `npm start` runs the simulator and passes SHOPEE_DEMO_SANDBOX) the sandbox profile pointed at it.
 * When SEED_RESULT_FILE is set (by `npm start`), the outcome is written there as JSON so the
 * launcher can print the admin credentials beside the URLs; otherwise it is printed here.
 */
export default async function seed({ container }: ExecArgs): Promise<void> {
  const store = await seedDemoStore(container)
  const admin = await ensureAdminUser(container, {
    email: process.env.ADMIN_EMAIL,
    password: process.env.ADMIN_PASSWORD,
  })
  const demoProfile = process.env.SHOPEE_DEMO_SANDBOX
    ? await configureDemoProfile(container, JSON.parse(process.env.SHOPEE_DEMO_SANDBOX))
    : false
  const outcome = { store, admin, demo_profile: demoProfile }
  if (process.env.SEED_RESULT_FILE) {
    fs.writeFileSync(process.env.SEED_RESULT_FILE, JSON.stringify(outcome), { mode: 0o600 })
  } else if (admin.created) {
    console.log(`Admin user created: ${admin.email} / ${admin.password}`)
  }
}
