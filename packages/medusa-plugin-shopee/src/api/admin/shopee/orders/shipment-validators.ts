import { z } from "@medusajs/framework/zod"
import { SHIPPING_MODES } from "@shopee-medusa/shopee-client/vocabulary"
import { hasNoNul, noNulMessage } from "../no-nul"

const text = (field: string) =>
  z
    .string({ error: `${field} must be a non-empty text of at most 100 characters` })
    .trim()
    .min(1, `${field} must be a non-empty text of at most 100 characters`)
    .max(100, `${field} must be a non-empty text of at most 100 characters`)
    .refine(hasNoNul, noNulMessage(field))

const id = (field: string) =>
  z
    .number({ error: `${field} must be a whole number above 0` })
    .int(`${field} must be a whole number above 0`)
    .positive(`${field} must be a whole number above 0`)

/**
 * How the operator arranges a Shopee order's shipment. Anything left out is chosen as Shopee
 * suggests (pickup when offered, the default address, the recommended slot); a field that belongs
 * to another mode is refused rather than ignored.
 */
export const ShipShopeeOrderBody = z
  .object({
    mode: z.enum(SHIPPING_MODES, { error: `mode must be one of: ${SHIPPING_MODES.join(", ")}` }).optional(),
    address_id: id("address_id").optional(),
    pickup_time_id: text("pickup_time_id").optional(),
    branch_id: id("branch_id").optional(),
    tracking_number: text("tracking_number").optional(),
  })
  .strict()
  .superRefine((body, ctx) => {
    const misplaced = (field: keyof typeof body, mode: string) => {
      if (body[field] !== undefined && body.mode !== undefined && body.mode !== mode) {
        ctx.addIssue({ code: "custom", path: [field], message: `${field} is for mode ${mode}, not ${body.mode}` })
      }
    }
    misplaced("address_id", "pickup")
    misplaced("pickup_time_id", "pickup")
    misplaced("branch_id", "dropoff")
    if (body.mode === "non_integrated" && body.tracking_number === undefined) {
      ctx.addIssue({ code: "custom", path: ["tracking_number"], message: "tracking_number is required for mode non_integrated" })
    }
  })
export type ShipShopeeOrderBodyType = z.infer<typeof ShipShopeeOrderBody>
