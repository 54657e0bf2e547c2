import { model } from "@medusajs/framework/utils"
import { SHOPEE_ENVIRONMENTS } from "../environments"

export const EXCEPTION_STATUSES = ["open", "retrying", "resolved"] as const
export type ExceptionStatus = (typeof EXCEPTION_STATUSES)[number]

/**
 * Something that needs a person or a retry. `environment` is null only on rows from before
 * environments existed. `payload_ref` points at what it is about (a raw event, an order_sn).
 */
export const ConnectorException = model
  .define("connector_exception", {
    id: model.id({ prefix: "shexc" }).primaryKey(),
    environment: model.enum([...SHOPEE_ENVIRONMENTS]).nullable(),
    kind: model.text(),
    message: model.text(),
    payload_ref: model.text().nullable(),
    status: model.enum([...EXCEPTION_STATUSES]).default("open"),
    attempts: model.number().default(0),
    next_attempt_at: model.dateTime().nullable(),
    resolved_at: model.dateTime().nullable(),
  })
  .indexes([{ on: ["environment", "status"] }, { on: ["kind", "payload_ref"] }])
