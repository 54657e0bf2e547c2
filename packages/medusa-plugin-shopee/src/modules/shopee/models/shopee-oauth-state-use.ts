import { model } from "@medusajs/framework/utils"
import { SHOPEE_ENVIRONMENTS } from "../environments"

/**
 * OAuth states already spent. A state is single-use: the callback inserts its nonce here before
 * exchanging the code, and the unique index makes a second use (even a concurrent one, on
 * another instance) fail. Rows past their state's expiry are deleted, since an expired state
 * is refused anyway.
 */
export const ShopeeOAuthStateUse = model
  .define("shopee_oauth_state_use", {
    id: model.id({ prefix: "shost" }).primaryKey(),
    nonce: model.text(),
    environment: model.enum([...SHOPEE_ENVIRONMENTS]),
    profile_id: model.text(),
    actor_id: model.text().nullable(),
    expires_at: model.dateTime(),
  })
  .indexes([{ on: ["nonce"], unique: true }, { on: ["expires_at"] }])
