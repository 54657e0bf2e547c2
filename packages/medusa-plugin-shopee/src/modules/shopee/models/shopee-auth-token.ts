import { model } from "@medusajs/framework/utils"
import { SHOPEE_ENVIRONMENTS } from "../environments"

/**
 * The tokens of one shop authorized under one profile. Both tokens are ciphertexts bound to
 * this row (secrets/secret-box.ts). The refresh token is single-use at Shopee: a new one is saved
 * before anyone may use the access token that came with it.
 */
export const ShopeeAuthToken = model
  .define("shopee_auth_token", {
    id: model.id({ prefix: "shtok" }).primaryKey(),
    environment: model.enum([...SHOPEE_ENVIRONMENTS]),
    profile_id: model.text(),
    shop_id: model.text(),
    access_token_encrypted: model.text(),
    refresh_token_encrypted: model.text(),
    access_expires_at: model.dateTime(),
    refresh_expires_at: model.dateTime(),
    last_refreshed_at: model.dateTime().nullable(),
  })
  .indexes([{ on: ["profile_id", "shop_id"], unique: true }])
