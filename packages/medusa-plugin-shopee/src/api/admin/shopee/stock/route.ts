import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { ShopeeEnvironment } from "../../../../modules/shopee/environments"
import { shopeeModule } from "../shopee-module"
import { stockAnswer } from "./stock-answer"

/** The stock writer of an environment's active profile: mode, buffer, breaker, latest plan, recent runs. */
export async function GET(req: MedusaRequest, res: MedusaResponse): Promise<void> {
  const { env } = req.validatedQuery as { env: ShopeeEnvironment }
  res.json(await stockAnswer(shopeeModule(req), env))
}
