import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { NEWEST_FIRST, oneOf } from "../list-page"
import type { ListExceptionsQueryType } from "../list-validators"
import { shopeeModule } from "../shopee-module"

/**
 * Rows from before environments existed have no environment: an equality filter leaves them
 * out when `env` is set, and no filter keeps them when it is not.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse): Promise<void> {
  const { env, status, kind, limit, offset } = req.validatedQuery as ListExceptionsQueryType
  const filters: Record<string, unknown> = {}
  if (env) filters.environment = env
  if (status) filters.status = oneOf(status)
  if (kind) filters.kind = kind
  const [exceptions, count] = await shopeeModule(req).listAndCountConnectorExceptions(filters, {
    skip: offset,
    take: limit,
    order: NEWEST_FIRST,
  })
  res.json({ exceptions, count, limit, offset })
}
