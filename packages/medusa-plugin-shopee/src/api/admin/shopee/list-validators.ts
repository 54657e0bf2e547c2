import { z } from "@medusajs/framework/zod"
import { SHOPEE_ENVIRONMENTS } from "../../../modules/shopee/environments"
import { EXCEPTION_STATUSES } from "../../../modules/shopee/exceptions/vocabulary"
import { MAX_PUSH_CODE } from "../../../modules/shopee/pushes/parse-push"
import { RAW_EVENT_STATUSES } from "../../../modules/shopee/models/shopee-raw-event"
import { hasNoNul, noNulMessage } from "./no-nul"

export const DEFAULT_PAGE_SIZE = 20
export const MAX_PAGE_SIZE = 100

/**
 * Medusa's validation message quotes a custom message without the field's path, so every
 * message names its parameter itself.
 */
export const pagination = {
  limit: z.coerce
    .number({ error: "limit must be a whole number from 1 to 100" })
    .int("limit must be a whole number from 1 to 100")
    .min(1, "limit must be a whole number from 1 to 100")
    .max(MAX_PAGE_SIZE, "limit must be a whole number from 1 to 100")
    .default(DEFAULT_PAGE_SIZE),
  offset: z.coerce
    .number({ error: "offset must be a whole number of 0 or more" })
    .int("offset must be a whole number of 0 or more")
    .min(0, "offset must be a whole number of 0 or more")
    .default(0),
}

export const environment = z.enum(SHOPEE_ENVIRONMENTS, { error: `env must be one of: ${SHOPEE_ENVIRONMENTS.join(", ")}` })

/**
 * One value, a comma-separated list (`status=open,retrying`) or a repeated parameter: the
 * overview's cards count several statuses at once and open the list with the same filter.
 * Each value is checked with a message of its own: Medusa's message for a bad list element
 * would say the field is missing.
 */
export const oneOrMany = (field: string, accepts: (value: string) => boolean, message: string) =>
  z.preprocess(
    (value) =>
      (Array.isArray(value) ? value : [value])
        .flatMap((part) => (typeof part === "string" ? part.split(",") : [part]))
        .map((part) => (typeof part === "string" ? part.trim() : part))
        .filter((part) => part !== ""),
    z
      .array(z.string({ error: message }))
      .min(1, `${field} must not be empty`)
      .refine((values) => values.every(accepts), message)
  )

const oneOfStatuses = (statuses: readonly string[]) =>
  oneOrMany("status", (value) => statuses.includes(value), `status must be one or more of: ${statuses.join(", ")}`)

/** Shopee adds statuses now and then: any upper-case status word is accepted. */
const shopeeOrderStatuses = oneOrMany(
  "status",
  (value) => /^[A-Z_]{1,40}$/.test(value),
  "status must be one or more Shopee order statuses such as READY_TO_SHIP"
)

export const ListOrdersQuery = z
  .object({
    env: environment.optional(),
    status: shopeeOrderStatuses.optional(),
    q: z
      .string({ error: "q must be a single string" })
      .trim()
      .max(100, "q must be at most 100 characters")
      .refine(hasNoNul, noNulMessage("q"))
      .optional(),
    ...pagination,
  })
  .strict()
export type ListOrdersQueryType = z.infer<typeof ListOrdersQuery>

export const ListExceptionsQuery = z
  .object({
    env: environment.optional(),
    status: oneOfStatuses(EXCEPTION_STATUSES).optional(),
    kind: z
      .string({ error: "kind must be a single string" })
      .trim()
      .min(1, "kind must not be empty")
      .max(100, "kind must be at most 100 characters")
      .refine(hasNoNul, noNulMessage("kind"))
      .optional(),
    ...pagination,
  })
  .strict()
export type ListExceptionsQueryType = z.infer<typeof ListExceptionsQuery>

export const ListEventsQuery = z
  .object({
    env: environment.optional(),
    status: oneOfStatuses(RAW_EVENT_STATUSES).optional(),
    code: z.coerce
      .number({ error: "code must be a Shopee push code (a whole number)" })
      .int("code must be a Shopee push code (a whole number)")
      .min(0, "code must be a Shopee push code (a whole number)")
      // The column is a 32-bit integer; Shopee's codes are small.
      .max(MAX_PUSH_CODE, "code must be a Shopee push code (a whole number)")
      .optional(),
    ...pagination,
  })
  .strict()
export type ListEventsQueryType = z.infer<typeof ListEventsQuery>
