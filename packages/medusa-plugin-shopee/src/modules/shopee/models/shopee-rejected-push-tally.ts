import { model } from "@medusajs/framework/utils"
import { SHOPEE_ENVIRONMENTS } from "../environments"

/** The `source` of an environment's row that counts every source together. */
export const ALL_SOURCES = "*"

/**
 * Rejected pushes per environment, sender and minute: what the rate limit reads, and the
 * lasting count of what it refused. `received` counts those that reached the limit's check,
 * `refused` those over the limit (counted here, not stored). One row per minute for all
 * senders (`source` "*"), one per sender that was under the total limit in that minute.
 */
export const ShopeeRejectedPushTally = model
  .define("shopee_rejected_push_tally", {
    id: model.id({ prefix: "shrpt" }).primaryKey(),
    environment: model.enum([...SHOPEE_ENVIRONMENTS]),
    source: model.text(),
    window_start: model.dateTime(),
    received: model.number().default(0),
    refused: model.number().default(0),
  })
  .indexes([{ on: ["environment", "source", "window_start"], unique: true }, { on: ["window_start"] }])
