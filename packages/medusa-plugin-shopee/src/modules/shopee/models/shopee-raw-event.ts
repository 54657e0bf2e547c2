import { model } from "@medusajs/framework/utils"
import { SHOPEE_ENVIRONMENTS } from "../environments"

export const RAW_EVENT_STATUSES = ["pending", "processed", "ignored", "failed", "duplicate", "rejected"] as const
export type RawEventStatus = (typeof RAW_EVENT_STATUSES)[number]

/**
 * Every push exactly as it arrived, written before Shopee gets its 200: a push that is
 * acknowledged is never lost, whatever happens to its processing. `rejected` marks a push whose
 * signature did not verify or whose body is unreadable (not UTF-8, a NUL, not JSON, a field out of
 * range); `duplicate` one already received. `raw_body` is the body as text; when text cannot hold
 * it exactly (not UTF-8, or a NUL, which PostgreSQL text refuses), `raw_body_base64` keeps its
 * exact bytes. A rejected push keeps only a bounded prefix of its body and Shopee-shaped headers
 * (pushes/rejected-push-record.ts); `body_bytes` is the size it arrived with. A push received
 * again is not stored again: `duplicate_count` and `last_duplicate_at` on the first row count it
 * (rows of status `duplicate` are from before that).
 */
export const ShopeeRawEvent = model
  .define("shopee_raw_event", {
    id: model.id({ prefix: "shevt" }).primaryKey(),
    environment: model.enum([...SHOPEE_ENVIRONMENTS]),
    profile_id: model.text().nullable(),
    path: model.text(),
    headers: model.json().nullable(),
    raw_body: model.text(),
    raw_body_base64: model.text().nullable(),
    code: model.number().nullable(),
    shop_id: model.text().nullable(),
    order_sn: model.text().nullable(),
    shopee_timestamp: model.number().nullable(),
    signature_ok: model.boolean(),
    parse_error: model.text().nullable(),
    status: model.enum([...RAW_EVENT_STATUSES]).default("pending"),
    processed: model.boolean().default(false),
    status_reason: model.text().nullable(),
    attempts: model.number().default(0),
    last_error: model.text().nullable(),
    dedupe_key: model.text().nullable(),
    duplicate_of: model.text().nullable(),
    body_bytes: model.number().nullable(),
    /** The sender as Medusa's Express sees it (`req.ip`, which honours its `trust proxy` setting). */
    source: model.text().nullable(),
    duplicate_count: model.number().default(0),
    last_duplicate_at: model.dateTime().nullable(),
  })
  .indexes([
    { on: ["environment", "dedupe_key"], unique: true, where: "dedupe_key IS NOT NULL" },
    { on: ["environment", "status"] },
    { on: ["environment", "created_at"] },
  ])
