import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { ShopeeEnvironment } from "../../../modules/shopee/environments"
import { ALL_SOURCES } from "../../../modules/shopee/models/shopee-rejected-push-tally"

/**
 * What rejected pushes cost, within the retention (older ones are trimmed): how many are
 * stored, the bytes their bodies and headers take, and how many were over the rate limit
 * (counted, not stored).
 */
export async function rejectedPushFigures(container: MedusaContainer, environment: ShopeeEnvironment | undefined, retentionDays: number) {
  const sql = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const stored = sql("shopee_raw_event")
    .where({ status: "rejected" })
    .whereNull("deleted_at")
    .select(
      sql.raw(`count(*)::int as "stored"`),
      sql.raw(
        `coalesce(sum(octet_length("raw_body") + coalesce(octet_length("raw_body_base64"), 0) + coalesce(octet_length("headers"::text), 0)), 0)::bigint as "bytes"`
      )
    )
  const refused = sql("shopee_rejected_push_tally")
    .where({ source: ALL_SOURCES })
    .whereNull("deleted_at")
    .select(sql.raw(`coalesce(sum("refused"), 0)::bigint as "refused"`))
  if (environment) {
    stored.where({ environment })
    refused.where({ environment })
  }
  const [[storedRow], [refusedRow]] = await Promise.all([stored, refused])
  return {
    stored: Number(storedRow.stored),
    bytes: Number(storedRow.bytes),
    refused: Number(refusedRow.refused),
    retention_days: retentionDays,
  }
}
