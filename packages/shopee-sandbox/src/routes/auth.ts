import { optionalInt, requiredInt, requiredString } from "../api-params.js"
import type { ApiRoute } from "../api-route.js"
import { ACCESS_TOKEN_TTL_MS } from "../lifetimes.js"
import { paramError, wrongParameter } from "../shopee-error.js"

const EXPIRE_IN_SECONDS = ACCESS_TOKEN_TTL_MS / 1000

/** Token endpoints. Shopee answers their fields at the top level, not under `response`. */
export const authRoutes: ApiRoute[] = [
  {
    method: "POST",
    path: "/api/v2/auth/token/get",
    call: "public",
    handle({ sandbox, caller, params }) {
      const code = requiredString(params, "code")
      const partnerId = requiredInt(params, "partner_id")
      if (partnerId !== caller.partner.partner_id) throw wrongParameter("partner_id in body does not match the query")
      const shopId = optionalInt(params, "shop_id")
      const mainAccountId = optionalInt(params, "main_account_id")
      if ((shopId === undefined) === (mainAccountId === undefined)) {
        throw wrongParameter("exactly one of shop_id and main_account_id is required")
      }
      const { access, refresh } = sandbox.tokens.exchangeCode({
        code,
        partner_id: partnerId,
        shop_id: shopId,
        main_account_id: mainAccountId,
      })
      const fields: Record<string, unknown> = {
        access_token: access.access_token,
        refresh_token: refresh.refresh_token,
        expire_in: EXPIRE_IN_SECONDS,
      }
      if (mainAccountId !== undefined) {
        fields.merchant_id_list = access.merchant_ids
        fields.shop_id_list = access.shop_ids
      }
      return { fields }
    },
  },
  {
    method: "POST",
    path: "/api/v2/auth/access_token/get",
    call: "public",
    handle({ sandbox, caller, params }) {
      const refreshToken = requiredString(params, "refresh_token")
      const partnerId = requiredInt(params, "partner_id")
      if (partnerId !== caller.partner.partner_id) throw wrongParameter("partner_id in body does not match the query")
      const shopId = optionalInt(params, "shop_id")
      const merchantId = optionalInt(params, "merchant_id")
      if ((shopId === undefined) === (merchantId === undefined)) {
        throw paramError("Wrong parameters, detail: exactly one of shop_id and merchant_id is required.")
      }
      const target = shopId !== undefined ? { shop_id: shopId } : { merchant_id: merchantId as number }
      const { access, refresh } = sandbox.tokens.refresh({ refresh_token: refreshToken, partner_id: partnerId, target })
      return {
        fields: {
          partner_id: partnerId,
          ...target,
          access_token: access.access_token,
          refresh_token: refresh.refresh_token,
          expire_in: EXPIRE_IN_SECONDS,
        },
      }
    },
  },
]
