import { z } from "@medusajs/framework/zod"
import { STOCK_MODES } from "../../../../modules/shopee/models/shopee-stock-setting"
import { environment, pagination } from "../list-validators"

const wholeNumber = (field: string, min: number, max: number) =>
  z
    .number({ error: `${field} must be a whole number from ${min} to ${max}` })
    .int(`${field} must be a whole number from ${min} to ${max}`)
    .min(min, `${field} must be a whole number from ${min} to ${max}`)
    .max(max, `${field} must be a whole number from ${min} to ${max}`)

export const StockSettingsBody = z
  .object({
    mode: z.enum(STOCK_MODES, { error: `mode must be one of: ${STOCK_MODES.join(", ")}` }).optional(),
    buffer: wholeNumber("buffer", 0, 100_000).optional(),
    max_writes_per_run: wholeNumber("max_writes_per_run", 1, 100_000).optional(),
  })
  .strict()
  .refine((body) => Object.keys(body).length > 0, "The body is empty: send mode, buffer or max_writes_per_run")
export type StockSettingsBodyType = z.infer<typeof StockSettingsBody>

export const STOCK_RUN_KINDS = ["dry_run", "full"] as const
export const StartStockRunBody = z
  .object({ kind: z.enum(STOCK_RUN_KINDS, { error: `kind must be one of: ${STOCK_RUN_KINDS.join(", ")}` }) })
  .strict()
export type StartStockRunBodyType = z.infer<typeof StartStockRunBody>

export const ListStockRunsQuery = z.object({ env: environment, ...pagination }).strict()
export type ListStockRunsQueryType = z.infer<typeof ListStockRunsQuery>
