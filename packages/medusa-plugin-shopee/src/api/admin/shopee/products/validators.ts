import { z } from "@medusajs/framework/zod"
import { CATALOGUE_IMPORT_MODES } from "../../../../lib/catalogue/import-scope"
import { MATCH_STATES } from "../../../../modules/shopee/models/shopee-product-map"
import { environment, oneOrMany, pagination } from "../list-validators"
import { hasNoNul, noNulMessage } from "../no-nul"

const search = z
  .string({ error: "q must be a single string" })
  .trim()
  .max(100, "q must be at most 100 characters")
  .refine(hasNoNul, noNulMessage("q"))
  .optional()

export const ListProductMapQuery = z
  .object({
    env: environment,
    match_state: oneOrMany(
      "match_state",
      (value) => (MATCH_STATES as readonly string[]).includes(value),
      `match_state must be one or more of: ${MATCH_STATES.join(", ")}`
    ).optional(),
    q: search,
    ...pagination,
  })
  .strict()
export type ListProductMapQueryType = z.infer<typeof ListProductMapQuery>

export const UnlistedVariantsQuery = z.object({ env: environment, q: search, ...pagination }).strict()
export type UnlistedVariantsQueryType = z.infer<typeof UnlistedVariantsQuery>

const id = (field: string) =>
  z
    .string({ error: `${field} must be a string` })
    .trim()
    .min(1, `${field} must not be empty`)
    .max(100, `${field} must be at most 100 characters`)
    .refine(hasNoNul, noNulMessage(field))

export const ByVariantQuery = z
  .object({
    variant_id: oneOrMany(
      "variant_id",
      (value) => value.length <= 100 && hasNoNul(value),
      "variant_id must be one or more variant ids"
    ).refine((values) => values.length <= 200, "variant_id takes at most 200 ids"),
  })
  .strict()
export type ByVariantQueryType = z.infer<typeof ByVariantQuery>

export const MapVariantBody = z.object({ variant_id: id("variant_id") }).strict()
export type MapVariantBodyType = z.infer<typeof MapVariantBody>

export const ImportCatalogueBody = z
  .object({
    mode: z.enum(CATALOGUE_IMPORT_MODES, { error: `mode must be one of: ${CATALOGUE_IMPORT_MODES.join(", ")}` }).default("incremental"),
  })
  .strict()
export type ImportCatalogueBodyType = z.infer<typeof ImportCatalogueBody>
