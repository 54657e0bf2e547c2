import { z } from "@medusajs/framework/zod"
import { SHOPEE_ENVIRONMENTS } from "../../../../modules/shopee/environments"

/** The guide is per environment; anything but sandbox or live is a 400 naming `environment`. */
export const SetupQuery = z.object({ environment: z.enum(SHOPEE_ENVIRONMENTS) }).strict()
export type SetupQueryType = z.infer<typeof SetupQuery>
