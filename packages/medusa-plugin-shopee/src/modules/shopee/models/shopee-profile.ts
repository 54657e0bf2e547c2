import { model } from "@medusajs/framework/utils"
import { SHOPEE_REGIONS } from "@shopee-medusa/shopee-client"
import { SHOPEE_ENVIRONMENTS } from "../environments"

/** The modes a profile's automatic arrangement may use (non-integrated needs a tracking number typed by a person). */
export const SHIP_DEFAULT_MODES = ["pickup", "dropoff"] as const
export type ShipDefaultMode = (typeof SHIP_DEFAULT_MODES)[number]

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
    /** How a Medusa fulfilment of this shop's orders is arranged on Shopee by itself; null: only by hand. */
    ship_default_mode: model.enum([...SHIP_DEFAULT_MODES]).nullable(),
    /** The pickup address Shopee is asked to collect from; null: Shopee's default pickup address. */
    ship_default_address_id: model.text().nullable(),
    /** How long after the order's creation on Shopee the automatic arrangement waits: the buyer may cancel without asking in the first hour. */
    ship_auto_delay_minutes: model.number().default(60),
  })
  .indexes([
    { on: ["environment"], unique: true, where: "is_active = true" },
    { on: ["environment", "name"], unique: true },
  ])
