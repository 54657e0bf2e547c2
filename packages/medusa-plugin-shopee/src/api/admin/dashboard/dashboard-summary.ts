import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { ShopeeEnvironment } from "../../../modules/shopee/environments"
import type ShopeeModuleService from "../../../modules/shopee/service"
import { countLowStockItems, lowStockThreshold } from "./low-stock"
import { rejectedPushFigures } from "./rejected-pushes"
import type { SummaryScope } from "./validators"

const OPEN_EXCEPTION_STATUSES = ["open", "retrying"]
const UNPROCESSED_EVENT_STATUSES = ["pending", "failed"]

/** Only counts: every one is computed in the database, whatever the number of rows. */
export async function dashboardSummary(shopee: ShopeeModuleService, container: MedusaContainer, requested: SummaryScope | undefined) {
  const active = await shopee.getActiveEnvironment()
  const scope: SummaryScope = requested ?? active
  const environment: { environment?: ShopeeEnvironment } = scope === "all" ? {} : { environment: scope }
  const threshold = lowStockThreshold(container)

  const [orders, [, openExceptions], [, unprocessedEvents], lowStock, rejectedPushes] = await Promise.all([
    countOrdersByStatus(container, environment.environment),
    shopee.listAndCountConnectorExceptions({ ...environment, status: OPEN_EXCEPTION_STATUSES }, { select: ["id"], take: 1 }),
    shopee.listAndCountShopeeRawEvents({ ...environment, status: UNPROCESSED_EVENT_STATUSES }, { select: ["id"], take: 1 }),
    countLowStockItems(container, threshold),
    rejectedPushFigures(container, environment.environment, shopee.pushIntakeBounds.retention_days),
  ])

  return {
    active_environment: active,
    env_filter: scope,
    orders,
    open_exceptions: openExceptions,
    unprocessed_events: unprocessedEvents,
    low_stock_items: lowStock,
    low_stock_threshold: threshold,
    rejected_pushes: rejectedPushes,
  }
}

/**
 * Shopee orders by Shopee status, grouped in SQL on the connector's own table (the generated
 * service counts but does not group). A row claimed before its detail was fetched has no
 * status yet: it is in `total` and `without_status`.
 */
async function countOrdersByStatus(container: MedusaContainer, environment: ShopeeEnvironment | undefined) {
  const sql = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const grouped = sql("shopee_order_sync").whereNull("deleted_at").groupBy("shopee_status").select("shopee_status").count({ count: "*" })
  if (environment) grouped.where({ environment })
  const rows = (await grouped) as unknown as { shopee_status: string | null; count: string | number }[]

  const by_status: Record<string, number> = {}
  let total = 0
  let without_status = 0
  for (const row of rows) {
    const count = Number(row.count)
    total += count
    if (row.shopee_status === null) without_status += count
    else by_status[row.shopee_status] = count
  }
  return { total, by_status, without_status }
}
