import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { shopeeModule } from "../../shopee/shopee-module"
import { dashboardSummary } from "../dashboard-summary"
import type { DashboardSummaryQueryType } from "../validators"

export async function GET(req: MedusaRequest, res: MedusaResponse): Promise<void> {
  const { env } = req.validatedQuery as DashboardSummaryQueryType
  res.json(await dashboardSummary(shopeeModule(req), req.scope, env))
}
