import type { ApiRoute } from "../api-route.js"

/** Merchant-level calls (signed with access_token + merchant_id). */
export const merchantRoutes: ApiRoute[] = [
  {
    method: "GET",
    path: "/api/v2/merchant/get_merchant_info",
    call: "merchant",
    handle({ sandbox, caller }) {
      const merchant = sandbox.accounts.merchant(caller.merchantId as number)
      const authorization = sandbox.state.authorizations.find(
        (a) => a.partner_id === caller.partner.partner_id && a.merchant_id === caller.merchantId
      )
      return {
        fields: {
          merchant_name: merchant?.merchant_name ?? "",
          is_cnsc: true,
          merchant_region: merchant?.region ?? "",
          merchant_currency: merchant?.currency ?? "",
          auth_time: authorization ? Math.floor(authorization.authorized_at_ms / 1000) : 0,
          expire_time: authorization ? Math.floor(authorization.expires_at_ms / 1000) : 0,
        },
      }
    },
  },
  {
    method: "GET",
    path: "/api/v2/merchant/get_shop_list_by_merchant",
    call: "merchant",
    handle({ sandbox, caller }) {
      const shops = sandbox.state.shops.filter((s) => s.merchant_id === caller.merchantId)
      return { fields: { shop_list: shops.map((s) => ({ shop_id: s.shop_id })), is_cnsc: true, more: false } }
    },
  },
]
