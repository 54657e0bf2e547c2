import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import {
  AGE_CAP_HOURS,
  daySlots,
  exceptionsByKindAndAge,
  fillOrdersPerDay,
  fillPushHours,
  fillStockHours,
  hourSlots,
  PUSH_THRESHOLDS,
  windowStart,
  type ExceptionAgeRow,
  type OrdersDayRow,
  type PushEventRow,
  type PushRefusedRow,
  type StockHourRow,
} from "../../../lib/dashboard/chart-series"
import { SHOPEE_ENVIRONMENTS, type ShopeeEnvironment } from "../../../modules/shopee/environments"
import { ALL_SOURCES } from "../../../modules/shopee/models/shopee-rejected-push-tally"
import type ShopeeModuleService from "../../../modules/shopee/service"
import type { SummaryScope } from "./validators"

const OPEN_EXCEPTION_STATUSES = ["open", "retrying"]

/** Slot keys are built in SQL as the chart-series slots are in JavaScript: UTC, ISO text. */
const HOUR_KEY = (column: string) => `to_char(date_trunc('hour', ${column} at time zone 'UTC'), 'YYYY-MM-DD"T"HH24:00:00.000"Z"')`
const DAY_KEY = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD')`

export type ChartsRequest = { scope: SummaryScope | undefined; days: number; hours: number; now: Date }

/**
 * The overview's charts, scoped like its counts (the active environment, one named, or all).
 * Every figure is grouped in the database: the rows returned are at most one per slot and
 * group, whatever the number of orders, pushes, exceptions or runs.
 */
export async function dashboardCharts(shopee: ShopeeModuleService, container: MedusaContainer, request: ChartsRequest) {
  const active = await shopee.getActiveEnvironment()
  const scope: SummaryScope = request.scope ?? active
  const environment = scope === "all" ? undefined : scope
  const sql = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const days = daySlots(request.now, request.days)
  const hours = hourSlots(request.now, request.hours)
  const since = { days: windowStart(days), hours: windowStart(hours) }

  const scoped = <T extends { where: (criteria: object) => T }>(query: T, column = "environment"): T =>
    environment ? query.where({ [column]: environment }) : query

  const [orders, pushEvents, pushRefused, exceptions, stock] = (await Promise.all([
    scoped(
      sql("shopee_order_sync")
        .whereNull("deleted_at")
        .where({ state: "imported" })
        .where("created_at", ">=", since.days)
        .select(sql.raw(`${DAY_KEY("created_at")} as "day"`), "environment")
        .count({ count: "*" })
        .groupByRaw(`1, 2`)
    ),
    scoped(
      sql("shopee_raw_event")
        .whereNull("deleted_at")
        .where("created_at", ">=", since.hours)
        .select(sql.raw(`${HOUR_KEY("created_at")} as "hour"`), "status")
        .count({ count: "*" })
        .groupByRaw(`1, 2`)
    ),
    scoped(
      sql("shopee_rejected_push_tally")
        .whereNull("deleted_at")
        .where({ source: ALL_SOURCES })
        .where("window_start", ">=", since.hours)
        .select(sql.raw(`${HOUR_KEY("window_start")} as "hour"`), sql.raw(`sum("refused")::bigint as "refused"`))
        .groupByRaw(`1`)
    ),
    scoped(
      sql("connector_exception")
        .whereNull("deleted_at")
        .whereIn("status", OPEN_EXCEPTION_STATUSES)
        .select(
          "kind",
          sql.raw(
            `least(floor(extract(epoch from (?::timestamptz - coalesce("first_seen_at", "created_at"))) / 3600), ?)::int as "age_hours"`,
            [request.now, AGE_CAP_HOURS]
          )
        )
        .count({ count: "*" })
        .groupByRaw(`1, 2`)
    ),
    scoped(
      sql("shopee_stock_run")
        .whereNull("deleted_at")
        .where("created_at", ">=", since.hours)
        .select(
          sql.raw(`${HOUR_KEY("created_at")} as "hour"`),
          sql.raw(`sum("written")::bigint as "written"`),
          sql.raw(`sum("failed")::bigint as "failed"`)
        )
        .groupByRaw(`1`)
    ),
  ])) as unknown as [OrdersDayRow[], PushEventRow[], PushRefusedRow[], ExceptionAgeRow[], StockHourRow[]]

  const environments: readonly ShopeeEnvironment[] = environment ? [environment] : SHOPEE_ENVIRONMENTS
  return {
    active_environment: active,
    env_filter: scope,
    days: request.days,
    hours: request.hours,
    orders_per_day: { environments, days: fillOrdersPerDay(days, orders, environments) },
    push_acknowledgement: { thresholds: PUSH_THRESHOLDS, hours: fillPushHours(hours, pushEvents, pushRefused) },
    open_exceptions: { kinds: exceptionsByKindAndAge(exceptions) },
    stock_writes: { hours: fillStockHours(hours, stock) },
  }
}
