import { z } from "@medusajs/framework/zod"
import { SHOPEE_REGIONS } from "@shopee-medusa/shopee-client"
import { SHOPEE_ENVIRONMENTS } from "../../../modules/shopee/environments"
import { SHIP_DEFAULT_MODES } from "../../../modules/shopee/models/shopee-profile"
import { hasNoNul, noNulMessage } from "./no-nul"

const environment = z.enum(SHOPEE_ENVIRONMENTS)

/** A day: longer than Shopee's one-hour buyer-cancel window by far, and short of its days to ship. */
const MAX_SHIP_AUTO_DELAY_MINUTES = 1440

/**
 * Medusa's validation message quotes a custom message without the field's path, so every
 * message names its field itself.
 */
const shopeeId = (field: string) =>
  z
    .union([z.number(), z.string().trim().regex(/^\d+$/, `${field} must be a positive integer`)], {
      error: `${field} must be a positive integer`,
    })
    .transform((value) => Number(value))
    .refine((value) => Number.isSafeInteger(value) && value > 0, `${field} must be a positive integer`)

/** Pasted secrets lose surrounding whitespace; an empty one is a mistake, not a way to clear it. */
const secret = (field: string) =>
  z
    .string({ error: `${field} must be a string` })
    .trim()
    .min(1, `${field} must not be empty`)

const profileFields = {
  name: z
    .string({ error: "name must be a string" })
    .trim()
    .min(1, "name must not be empty")
    .max(100, "name must be at most 100 characters")
    .refine(hasNoNul, noNulMessage("name")),
  partner_id: shopeeId("partner_id").nullable(),
  partner_key: secret("partner_key").nullable(),
  push_partner_key: secret("push_partner_key").nullable(),
  shop_id: shopeeId("shop_id").nullable(),
  region: z.enum(SHOPEE_REGIONS),
  api_base_url: z
    .string({ error: "api_base_url must be a string" })
    .trim()
    .refine(hasNoNul, noNulMessage("api_base_url"))
    .pipe(z.string().url("api_base_url must be a URL"))
    .nullable(),
  default_location_id: z
    .string({ error: "default_location_id must be a string" })
    .trim()
    .min(1, "default_location_id must not be empty")
    .refine(hasNoNul, noNulMessage("default_location_id"))
    .nullable(),
  ship_default_mode: z
    .enum(SHIP_DEFAULT_MODES, { error: `ship_default_mode must be one of ${SHIP_DEFAULT_MODES.join(", ")} or null` })
    .nullable(),
  ship_default_address_id: shopeeId("ship_default_address_id").nullable(),
  ship_auto_delay_minutes: z
    .number({ error: "ship_auto_delay_minutes must be a number of minutes" })
    .int("ship_auto_delay_minutes must be a whole number of minutes")
    .min(0, "ship_auto_delay_minutes must be 0 or more")
    .max(MAX_SHIP_AUTO_DELAY_MINUTES, `ship_auto_delay_minutes must be at most ${MAX_SHIP_AUTO_DELAY_MINUTES} (a day)`),
}

export const EnvironmentQuery = z.object({ env: environment }).strict()
export const OptionalEnvironmentQuery = z.object({ env: environment.optional() }).strict()

export const PatchProfileBody = z
  .object(profileFields)
  .partial()
  .strict()
  .refine((body) => Object.keys(body).length > 0, "The body is empty: send at least one field to change")
export type PatchProfileBodyType = z.infer<typeof PatchProfileBody>

export const CreateProfileBody = z
  .object({ ...profileFields, environment })
  .partial()
  .required({ environment: true, name: true })
  .strict()
export type CreateProfileBodyType = z.infer<typeof CreateProfileBody>

export const SwitchEnvironmentBody = z.object({ environment }).strict()
export type SwitchEnvironmentBodyType = z.infer<typeof SwitchEnvironmentBody>

export const RotateEncryptionBody = z
  .object({ dry_run: z.boolean().optional(), batch_size: z.number().int().min(1).max(1000).optional() })
  .strict()
export type RotateEncryptionBodyType = z.infer<typeof RotateEncryptionBody>
