import type { Context } from "@medusajs/framework/types"
import { PUSH_CODES } from "@shopee-medusa/shopee-client"
import { generateEntityId } from "@medusajs/framework/utils"
import { databaseErrorName, isDatabaseUnreachable, isUniqueViolation, PushNotStoredError } from "../database-errors"
import type { ShopeeEnvironment } from "../environments"
import type { ExceptionQueue } from "../exceptions/exception-queue"
import type { RawEventStatus } from "../models/shopee-raw-event"
import { publicUrlOf, pushIntakeBounds, type ShopeePluginOptions } from "../options"
import type { RawEventRow, ShopeeTableAccess } from "../tables"
import { parsePush, unreadablePush } from "./parse-push"
import { PushBatchWriter } from "./push-batch-writer"
import { dispatchPush, statusOnArrival, type ArrivalStatus } from "./push-dispatch"
import { storedPushBody } from "./push-body"
import { pushRejection, type PushRejection } from "./push-rejection"
import { bodyPrefix, boundedPushHeaders } from "./rejected-push-record"
import { RejectedPushLimit, type RunSql } from "./rejected-push-limit"

type RawEventTable = Pick<ShopeeTableAccess, "listShopeeRawEvents" | "createShopeeRawEvents" | "updateShopeeRawEvents">

export type RecordPushInput = {
  environment: ShopeeEnvironment
  profile_id: string | null
  path: string
  /** The request's headers; only push headers are kept, each bounded (rejected-push-record.ts). */
  headers: Record<string, string | string[] | undefined>
  /** The exact bytes received (the signature covers them). */
  raw_body: Buffer
  signature_ok: boolean
  /** The sender as Medusa's Express sees it (`req.ip`): what the rate limit of rejected pushes counts by. */
  source: string
}

/**
 * What became of a push: `stored` (a new row to process), `duplicate` (counted on the first
 * row, which is `event`), `rejected` (stored, bounded, with its exception), `refused` (a
 * rejected push over the rate limit: counted, not stored; no `event`).
 */
export type RecordedPush = { outcome: "stored" | "duplicate" | "rejected"; event: RawEventRow } | { outcome: "refused"; event: null }

/** The columns of a raw event, as far as they are known before its status is decided. */
type RawEventBase = Omit<RecordPushInput, "raw_body" | "headers"> &
  Pick<
    RawEventRow,
    "headers" | "raw_body" | "raw_body_base64" | "body_bytes" | "code" | "shop_id" | "order_sn" | "shopee_timestamp" | "parse_error"
  >

/** Pushes as received (before they are acknowledged), and the outcome of processing each. */
export class PushRecorder {
  private readonly limit: RejectedPushLimit
  private readonly batch: PushBatchWriter

  constructor(
    private readonly table: RawEventTable,
    private readonly exceptions: ExceptionQueue,
    private readonly options: ShopeePluginOptions,
    /** Runs a job's writes in one transaction. */
    private readonly inTransaction: <T>(job: (sharedContext: Context) => Promise<T>) => Promise<T>,
    /** One statement outside any transaction: the rate limit's counts and the duplicate count. */
    private readonly sql: RunSql
  ) {
    this.limit = new RejectedPushLimit(sql, pushIntakeBounds(options))
    this.batch = new PushBatchWriter(sql)
  }

  /**
   * Stores a push as received. A push whose signature failed or whose body is unreadable (not
   * UTF-8, a NUL, not JSON, a field its column cannot hold) is `rejected`: anyone can send one,
   * so it is rate-limited per sender and in total (over the limit it is only counted), and what
   * is stored of it is bounded (a prefix of the body, Shopee-shaped headers); its exception
   * folds the burst into one. A push already received is counted on the first row. Only a
   * `stored` push is processed. Throws only a `PushNotStoredError` (whose message carries no
   * values) when not even a rejected row fits.
   */
  async record(input: RecordPushInput): Promise<RecordedPush> {
    const body = storedPushBody(input.raw_body)
    const parsed = body.problem ? unreadablePush(body.problem) : parsePush(body.text)
    const base: RawEventBase = {
      environment: input.environment,
      profile_id: input.profile_id,
      path: input.path,
      headers: boundedPushHeaders(input.headers),
      raw_body: body.text,
      raw_body_base64: body.base64,
      body_bytes: input.raw_body.length,
      source: input.source,
      signature_ok: input.signature_ok,
      code: parsed.code,
      shop_id: parsed.shop_id,
      order_sn: parsed.order_sn,
      shopee_timestamp: parsed.shopee_timestamp,
      parse_error: parsed.parse_error,
    }
    const rejection = pushRejection({ ...input, parse_error: parsed.parse_error, url: this.publicUrlForPath(input.path) })
    if (rejection) {
      return this.storeRejected(base, input.raw_body, rejection)
    }
    const row = {
      ...base,
      id: generateEntityId(undefined, "shevt"),
      dedupe_key: parsed.dedupe_key,
      ...statusOnArrival(dispatchPush(parsed.code, parsed.shop_id)),
    }
    let stored: Record<string, unknown> | null
    try {
      // Committed with the pushes that arrive at the same time (push-batch-writer.ts).
      stored = await this.batch.insert(row)
    } catch (error) {
      // A database that cannot be reached fails every push alike: refused at once (Shopee sends
      // it again), not tried once more per push against a database that is gone.
      if (isDatabaseUnreachable(error)) throw new PushNotStoredError(error)
      // Otherwise a batch fails as a whole: each of its pushes is stored on its own, which tells
      // a push that fails by itself from the others.
      return this.storeOne(row, base, input.raw_body, parsed.dedupe_key as string)
    }
    return stored
      ? { outcome: "stored", event: stored as unknown as RawEventRow }
      : this.countDuplicate(input.environment, parsed.dedupe_key as string)
  }

  /** One new push in its own statement, as every push was before batching: the fallback of a failed batch. */
  private async storeOne(
    row: RawEventBase & { id: string; dedupe_key: string | null } & ArrivalStatus,
    base: RawEventBase,
    rawBody: Buffer,
    dedupeKey: string
  ): Promise<RecordedPush> {
    try {
      return { outcome: "stored", event: await this.table.createShopeeRawEvents(row) }
    } catch (error) {
      if (!isUniqueViolation(error)) {
        // The fields were checked, so this should not happen; if it does, the push is still kept.
        const problem = `Storing the push's fields failed (${databaseErrorName(error)})`
        return this.storeRejected(
          { ...base, code: null, shop_id: null, order_sn: null, shopee_timestamp: null, parse_error: problem },
          rawBody,
          { kind: "push_unreadable", message: `${problem}; the push was stored but not processed.` }
        )
      }
      return this.countDuplicate(base.environment, dedupeKey)
    }
  }

  /** Records the outcome of processing an event. */
  async mark(id: string, status: RawEventStatus, reason: string | null, error?: string): Promise<void> {
    const [event] = await this.table.listShopeeRawEvents({ id }, { select: ["id", "attempts"] })
    await this.table.updateShopeeRawEvents({
      id,
      status,
      processed: status === "processed" || status === "ignored" || status === "duplicate",
      status_reason: reason,
      attempts: (event?.attempts ?? 0) + 1,
      last_error: error ?? null,
    })
  }

  /**
   * The other order status pushes of an order still waiting for processing. Each was stored, so
   * the change it announces had happened, before this read: a fetch of the order started after
   * it sees that change, or a later one.
   */
  async waitingOrderPushes(environment: ShopeeEnvironment, orderSn: string, exceptId: string): Promise<string[]> {
    const rows = await this.sql(
      `select "id" from "shopee_raw_event" where "environment" = ? and "order_sn" = ? and "code" = ? and "status" = 'pending'
        and "id" <> ? and "deleted_at" is null`,
      [environment, orderSn, PUSH_CODES.ORDER_STATUS_UPDATE, exceptId]
    )
    return rows.map((row) => row.id as string)
  }

  /** Marks pushes that a later fetch of their order answered as processed with it, in one statement; answers how many. */
  async markAnswered(ids: string[], reason: string): Promise<number> {
    if (ids.length === 0) return 0
    const rows = await this.sql(
      `update "shopee_raw_event" set "status" = 'processed', "processed" = true, "status_reason" = ?, "attempts" = "attempts" + 1,
        "updated_at" = now() where "id" in (${ids.map(() => "?").join(", ")}) and "status" = 'pending' returning "id"`,
      [reason, ...ids]
    )
    return rows.length
  }

  /** Where a push arrived, as Shopee signed it: the configured public URL plus the path. */
  publicUrlForPath(path: string): string {
    return `${publicUrlOf(this.options).replace(/\/+$/, "")}${path}`
  }

  /** A push received again: one more on the first row's count, in one statement, nothing stored. */
  private async countDuplicate(environment: ShopeeEnvironment, dedupeKey: string): Promise<RecordedPush> {
    const [counted] = await this.sql(
      `update "shopee_raw_event" set "duplicate_count" = "duplicate_count" + 1, "last_duplicate_at" = now(), "updated_at" = now()
        where "environment" = ? and "dedupe_key" = ? and "deleted_at" is null returning *`,
      [environment, dedupeKey]
    )
    // The first row went between the insert's conflict and this count: not stored, so Shopee sends it again.
    if (!counted) throw new PushNotStoredError(new Error("the first push of this key is gone"))
    // The row as the count left it, from the same statement: a burst of resends costs one round trip each.
    return { outcome: "duplicate", event: counted as unknown as RawEventRow }
  }

  /**
   * The one way a rejected push is recorded: within the rate limit, its bounded record and its
   * folded exception in one transaction; over it, only counted. A failure here surfaces without
   * the statement.
   */
  private async storeRejected(base: RawEventBase, rawBody: Buffer, rejection: PushRejection): Promise<RecordedPush> {
    try {
      if (!(await this.limit.admit(base.environment, base.source ?? "unknown"))) {
        return { outcome: "refused", event: null }
      }
      const prefix = bodyPrefix(rawBody, pushIntakeBounds(this.options).body_bytes)
      const kept = prefix.truncated ? storedPushBody(prefix.bytes) : { text: base.raw_body, base64: base.raw_body_base64 }
      return await this.inTransaction(async (sharedContext) => {
        const event = await this.table.createShopeeRawEvents(
          { ...base, raw_body: kept.text, raw_body_base64: kept.base64, status: "rejected", status_reason: rejection.message },
          sharedContext
        )
        await this.exceptions.raise(
          { environment: base.environment, kind: rejection.kind, message: rejection.message, payload_ref: event.id, fold: true },
          sharedContext
        )
        return { outcome: "rejected", event }
      })
    } catch (error) {
      throw new PushNotStoredError(error)
    }
  }
}
