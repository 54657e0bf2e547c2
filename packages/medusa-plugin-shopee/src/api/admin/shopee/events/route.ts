import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { NEWEST_FIRST, oneOf } from "../list-page"
import type { ListEventsQueryType } from "../list-validators"
import { shopeeModule } from "../shopee-module"

/** Everything but the body and headers, which can be large: `GET /admin/shopee/events/:id` has them. */
const EVENT_LIST_FIELDS = [
  "id",
  "environment",
  "profile_id",
  "path",
  "code",
  "shop_id",
  "order_sn",
  "shopee_timestamp",
  "signature_ok",
  "parse_error",
  "status",
  "processed",
  "status_reason",
  "attempts",
  "last_error",
  "dedupe_key",
  "duplicate_of",
  "created_at",
  "updated_at",
]

export async function GET(req: MedusaRequest, res: MedusaResponse): Promise<void> {
  const { env, status, code, limit, offset } = req.validatedQuery as ListEventsQueryType
  const filters: Record<string, unknown> = {}
  if (env) filters.environment = env
  if (status) filters.status = oneOf(status)
  if (code !== undefined) filters.code = code
  const [events, count] = await shopeeModule(req).listAndCountShopeeRawEvents(filters, {
    select: EVENT_LIST_FIELDS,
    skip: offset,
    take: limit,
    order: NEWEST_FIRST,
  })
  res.json({ events, count, limit, offset })
}
