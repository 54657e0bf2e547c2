import { model } from "@medusajs/framework/utils"
import { SHOPEE_REGIONS } from "@shopee-medusa/shopee-client"
import { SHOPEE_ENVIRONMENTS } from "../environments"

/**
 * A set of Shopee credentials. Several per environment; at most one active per environment,
 * enforced by the database. Secrets are stored only as ciphertext bound to this row, column
 * and environment (secrets/secret-box.ts). Ids are numeric at Shopee but kept as digit strings:
 * shop ids can outgrow a 32-bit integer.
 */
export const ShopeeProfile = model
  .define("shopee_profile", {
    id: model.id({ prefix: "shprof" }).primaryKey(),
    environment: model.enum([...SHOPEE_ENVIRONMENTS]),
    name: model.text(),
    partner_id: model.text().nullable(),
    partner_key_encrypted: model.text().nullable(),
    push_partner_key_encrypted: model.text().nullable(),
    shop_id: model.text().nullable(),
    region: model.enum([...SHOPEE_REGIONS]),
    api_base_url: model.text().nullable(),
    default_location_id: model.text().nullable(),
    is_active: model.boolean().default(false),
  })
  .indexes([
    { on: ["environment"], unique: true, where: "is_active = true" },
    { on: ["environment", "name"], unique: true },
  ])
