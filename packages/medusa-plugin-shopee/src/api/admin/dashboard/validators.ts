import { z } from "@medusajs/framework/zod"
import { SHOPEE_ENVIRONMENTS } from "../../../modules/shopee/environments"

export const SUMMARY_SCOPES = [...SHOPEE_ENVIRONMENTS, "all"] as const
export type SummaryScope = (typeof SUMMARY_SCOPES)[number]

/** No `env`: the environment this instance serves; `all`: every environment together. */
export const DashboardSummaryQuery = z
  .object({ env: z.enum(SUMMARY_SCOPES, { error: `env must be one of: ${SUMMARY_SCOPES.join(", ")}` }).optional() })
  .strict()
export type DashboardSummaryQueryType = z.infer<typeof DashboardSummaryQuery>
