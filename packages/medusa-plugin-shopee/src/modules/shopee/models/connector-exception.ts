import { model } from "@medusajs/framework/utils"
import { SHOPEE_ENVIRONMENTS } from "../environments"
import { EXCEPTION_STATUSES } from "../exceptions/vocabulary"

/**
 * Something that needs a person or a retry. `environment` is null only on rows from before
 * environments existed. `payload_ref` points at what it is about (a raw event, an order_sn).
 * `kind` is one of EXCEPTION_KINDS (exceptions/vocabulary.ts), checked where rows are written
 * (the exception queue) rather than by the database: a row of a kind an older version wrote
 * stays readable, and adding a kind needs no migration. A burst of the same problem (rejected
 * pushes) folds into one open exception: `occurrences` counts them, `first_seen_at` and
 * `last_seen_at` bound them.
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
    occurrences: model.number().default(1),
    first_seen_at: model.dateTime().nullable(),
    last_seen_at: model.dateTime().nullable(),
  })
  .indexes([{ on: ["environment", "status"] }, { on: ["kind", "payload_ref"] }])
