import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { shopeeModule } from "../shopee-module"

/**
 * Which instance this is (the environment it serves, and its pin) and where the instance serving
 * the other environment is, for the admin's instance switcher. Null when none is configured.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse): Promise<void> {
  const shopee = shopeeModule(req)
  res.json({
    active_environment: await shopee.getActiveEnvironment(),
    pinned_environment: shopee.pinnedEnvironment ?? null,
    other_instance_url: shopee.otherInstanceUrl,
  })
}
