import { z } from "@medusajs/framework/zod"
import { hasNoNul, noNulMessage } from "../no-nul"

/** Shopee downloads at most 50 packages' documents in one call. */
export const MAX_LABELS_PER_FILE = 50

const ID_MESSAGE = "each id must be a non-empty text of at most 100 characters"

/** The Shopee orders (sync row ids) whose labels go into one file, in the order given; a repeated id counts once. */
export const PrintLabelsBody = z
  .object({
    ids: z
      .array(z.string({ error: ID_MESSAGE }).trim().min(1, ID_MESSAGE).max(100, ID_MESSAGE).refine(hasNoNul, noNulMessage("ids")), {
        error: `ids must be a list of 1 to ${MAX_LABELS_PER_FILE} Shopee order ids`,
      })
      .min(1, `ids must be a list of 1 to ${MAX_LABELS_PER_FILE} Shopee order ids`)
      .max(MAX_LABELS_PER_FILE, `ids must be a list of 1 to ${MAX_LABELS_PER_FILE} Shopee order ids`)
      .transform((ids) => [...new Set(ids)]),
  })
  .strict()
export type PrintLabelsBodyType = z.infer<typeof PrintLabelsBody>
