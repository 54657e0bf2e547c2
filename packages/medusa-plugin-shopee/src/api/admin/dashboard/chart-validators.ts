import { z } from "@medusajs/framework/zod"
import { SUMMARY_SCOPES } from "./validators"

export const CHART_DAYS = ["14", "30"] as const
export const CHART_HOURS = ["24", "48"] as const

/**
 * The charts' scope, as the summary's (`env`), and their windows: `days` for orders per day,
 * `hours` for the hourly charts. Only the windows the page offers: each is a fixed number of
 * grouped rows.
 */
export const DashboardChartsQuery = z
  .object({
    env: z.enum(SUMMARY_SCOPES, { error: `env must be one of: ${SUMMARY_SCOPES.join(", ")}` }).optional(),
    days: z
      .enum(CHART_DAYS, { error: `days must be one of: ${CHART_DAYS.join(", ")}` })
      .default("14")
      .transform(Number),
    hours: z
      .enum(CHART_HOURS, { error: `hours must be one of: ${CHART_HOURS.join(", ")}` })
      .default("24")
      .transform(Number),
  })
  .strict()
export type DashboardChartsQueryType = z.infer<typeof DashboardChartsQuery>
