import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { ShopeeEnvironment } from "../../../../../modules/shopee/environments"
import { shopeeModule } from "../../shopee-module"
import { presentSetting } from "../stock-answer"
import type { StockSettingsBodyType } from "../validators"

/**
 * A person arms, disarms or tunes the stock writer of an environment's active profile; the
 * change is recorded with the admin user and the time. Setting a mode re-arms a writer the
 * circuit breaker disarmed.
 */
export async function POST(req: AuthenticatedMedusaRequest<StockSettingsBodyType>, res: MedusaResponse): Promise<void> {
  const { env } = req.validatedQuery as { env: ShopeeEnvironment }
  const setting = await shopeeModule(req).changeStockSettings(env, { ...req.validatedBody, actor_id: req.auth_context?.actor_id ?? null })
  res.json({ setting: presentSetting(setting) })
}
