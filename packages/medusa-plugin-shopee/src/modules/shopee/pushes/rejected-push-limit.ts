import { generateEntityId } from "@medusajs/framework/utils"
import type { ShopeeEnvironment } from "../environments"
import { ALL_SOURCES } from "../models/shopee-rejected-push-tally"

/** Runs one SQL statement (`?` placeholders) on the module's database and answers its rows. */
export type RunSql = (text: string, params: unknown[]) => Promise<Record<string, unknown>[]>

export type RejectedPushLimits = { limit_per_source: number; limit_total: number }

/** The current minute by the database's clock, so that every process counts the same window. */
const THIS_MINUTE = "date_trunc('minute', now())"

/**
 * The rate limit on storing rejected pushes, counted in PostgreSQL (`shopee_rejected_push_tally`)
 * so that it holds across processes and its count of refused pushes survives them. Per minute:
 * at most `limit_per_source` from one sender and `limit_total` from all senders of an environment.
 * Once the total is spent, a push is counted on the environment's row only, so a flood from
 * many senders does not add a row per sender.
 */
export class RejectedPushLimit {
  constructor(
    private readonly sql: RunSql,
    private readonly limits: RejectedPushLimits
  ) {}

  /** Counts one rejected push; true when it may be stored, false when it was only counted. */
  async admit(environment: ShopeeEnvironment, source: string): Promise<boolean> {
    const [total] = await this.sql(
      `select "received" from "shopee_rejected_push_tally" where "environment" = ? and "source" = ? and "window_start" = ${THIS_MINUTE} and "deleted_at" is null`,
      [environment, ALL_SOURCES]
    )
    if (total && Number(total.received) >= this.limits.limit_total) {
      await this.count(environment, ALL_SOURCES, { received: 0, refused: 1 })
      return false
    }
    if ((await this.count(environment, source, { received: 1, refused: 0 }, this.limits.limit_per_source)) > this.limits.limit_per_source) {
      await this.count(environment, ALL_SOURCES, { received: 0, refused: 1 })
      return false
    }
    if ((await this.count(environment, ALL_SOURCES, { received: 1, refused: 0 })) > this.limits.limit_total) {
      await this.count(environment, ALL_SOURCES, { received: 0, refused: 1 })
      return false
    }
    return true
  }

  /**
   * Adds to a row of this minute in one statement (the row lock makes it exact under
   * concurrency) and answers its `received`. With `refuseOver`, a push that takes `received`
   * past it is counted as refused on the same row.
   */
  private async count(
    environment: ShopeeEnvironment,
    source: string,
    add: { received: number; refused: number },
    refuseOver?: number
  ): Promise<number> {
    const refusedNow =
      refuseOver === undefined ? `${add.refused}` : `(case when "t"."received" + ${add.received} > ${refuseOver} then 1 else 0 end)`
    const refusedFirst = refuseOver === undefined ? add.refused : add.received > refuseOver ? 1 : 0
    const [row] = await this.sql(
      `insert into "shopee_rejected_push_tally" as "t" ("id", "environment", "source", "window_start", "received", "refused")
       values (?, ?, ?, ${THIS_MINUTE}, ?, ?)
       on conflict ("environment", "source", "window_start") where "deleted_at" is null
       do update set "received" = "t"."received" + ?, "refused" = "t"."refused" + ${refusedNow}, "updated_at" = now()
       returning "received"`,
      [generateEntityId(undefined, "shrpt"), environment, source, add.received, refusedFirst, add.received]
    )
    return Number(row.received)
  }
}
