import type { Context } from "@medusajs/framework/types"
import { databaseErrorName, isUniqueViolation, PushNotStoredError } from "../database-errors"
import type { ShopeeEnvironment } from "../environments"
import type { ExceptionQueue } from "../exceptions/exception-queue"
import type { RawEventStatus } from "../models/shopee-raw-event"
import { publicUrlOf, type ShopeePluginOptions } from "../options"
import type { RawEventRow, ShopeeTableAccess } from "../tables"
import { parsePush, unreadablePush } from "./parse-push"
import { storedPushBody } from "./push-body"
import { pushRejection, type PushRejection } from "./push-rejection"

type RawEventTable = Pick<ShopeeTableAccess, "listShopeeRawEvents" | "createShopeeRawEvents" | "updateShopeeRawEvents">

export type RecordPushInput = {
  environment: ShopeeEnvironment
  profile_id: string | null
  path: string
  headers: Record<string, string>
  /** The exact bytes received (the signature covers them). */
  raw_body: Buffer
  signature_ok: boolean
}

/** The columns of a raw event, as far as they are known before its status is decided. */
type RawEventBase = Omit<RecordPushInput, "raw_body"> & Pick<RawEventRow, "raw_body" | "raw_body_base64" | "code" | "shop_id" | "order_sn" | "shopee_timestamp" | "parse_error">

/** Pushes as received (before they are acknowledged), and the outcome of processing each. */
export class PushRecorder {
  constructor(
    private readonly table: RawEventTable,
    private readonly exceptions: ExceptionQueue,
    private readonly options: ShopeePluginOptions,
    /** Runs a job's writes in one transaction. */
    private readonly inTransaction: <T>(job: (sharedContext: Context) => Promise<T>) => Promise<T>
  ) {}

  /**
   * Stores a push as received. A push whose signature failed or whose body is unreadable (not
   * UTF-8, a NUL, not JSON, a field its column cannot hold) is stored as `rejected` with an
   * exception explaining it; a push already received is stored as `duplicate` of the first.
   * Only a `pending` row is processed. Throws only a `PushNotStoredError` (whose message carries
   * no values) when not even a rejected row fits.
   */
  async record(input: RecordPushInput): Promise<RawEventRow> {
    const body = storedPushBody(input.raw_body)
    const parsed = body.problem ? unreadablePush(body.problem) : parsePush(body.text)
    const base: RawEventBase = {
      environment: input.environment,
      profile_id: input.profile_id,
      path: input.path,
      headers: input.headers,
      raw_body: body.text,
      raw_body_base64: body.base64,
      signature_ok: input.signature_ok,
      code: parsed.code,
      shop_id: parsed.shop_id,
      order_sn: parsed.order_sn,
      shopee_timestamp: parsed.shopee_timestamp,
      parse_error: parsed.parse_error,
    }
    const rejection = pushRejection({ ...input, parse_error: parsed.parse_error, url: this.publicUrlForPath(input.path) })
    if (rejection) {
      return this.storeRejected(base, rejection)
    }
    try {
      return await this.table.createShopeeRawEvents({ ...base, dedupe_key: parsed.dedupe_key, status: "pending" })
    } catch (error) {
      if (!isUniqueViolation(error)) {
        // The fields were checked, so this should not happen; if it does, the push is still kept.
        const problem = `Storing the push's fields failed (${databaseErrorName(error)})`
        return this.storeRejected(
          { ...base, code: null, shop_id: null, order_sn: null, shopee_timestamp: null, parse_error: problem },
          { kind: "push_unreadable", message: `${problem}; the push was stored but not processed.` }
        )
      }
      const [first] = await this.table.listShopeeRawEvents({ environment: input.environment, dedupe_key: parsed.dedupe_key }, { select: ["id"] })
      return this.table.createShopeeRawEvents({
        ...base,
        status: "duplicate",
        processed: true,
        duplicate_of: first?.id ?? null,
        status_reason: `Duplicate of ${first?.id ?? "an earlier push"}`,
      })
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

  /** Where a push arrived, as Shopee signed it: the configured public URL plus the path. */
  publicUrlForPath(path: string): string {
    return `${publicUrlOf(this.options).replace(/\/+$/, "")}${path}`
  }

  /** The one way a rejected push is recorded, with its exception; a failure here surfaces without the statement. */
  private async storeRejected(base: RawEventBase, rejection: PushRejection): Promise<RawEventRow> {
    try {
      return await this.inTransaction(async (sharedContext) => {
        const event = await this.table.createShopeeRawEvents({ ...base, status: "rejected", status_reason: rejection.message }, sharedContext)
        await this.exceptions.raise({ environment: base.environment, kind: rejection.kind, message: rejection.message, payload_ref: event.id }, sharedContext)
        return event
      })
    } catch (error) {
      throw new PushNotStoredError(error)
    }
  }
}
