import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { shopeeModule } from "../../shopee/shopee-module"
import { dashboardCharts } from "../dashboard-charts"
import type { DashboardChartsQueryType } from "../chart-validators"

export async function GET(req: MedusaRequest, res: MedusaResponse): Promise<void> {
  const { env, days, hours } = req.validatedQuery as DashboardChartsQueryType
  res.json(await dashboardCharts(shopeeModule(req), req.scope, { scope: env, days, hours, now: new Date() }))
}
