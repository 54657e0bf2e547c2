import { queryParams, requiredString } from "../api-params.js"
import type { ApiRoute } from "../api-route.js"
import { renderAuthPage } from "../console/auth-page.js"
import { paramError } from "../shopee-error.js"

/** Shop authorization and shop information. */
export const shopRoutes: ApiRoute[] = [
  {
    method: "GET",
    path: "/api/v2/shop/auth_partner",
    call: "public",
    handle({ sandbox, caller, query }) {
      const redirect = requiredString(queryParams(query), "redirect")
      if (!URL.canParse(redirect)) throw paramError("Wrong parameters, detail: redirect should be an absolute URL.")
      const request = sandbox.authRequests.open(caller.partner.partner_id, redirect)
      return { html: renderAuthPage(request, caller.partner, sandbox.state.shops, sandbox.state.merchants) }
    },
  },
  {
    method: "GET",
    path: "/api/v2/shop/get_shop_info",
    call: "shop",
    handle({ sandbox, caller }) {
      const shop = sandbox.accounts.shop(caller.shopId as number)!
      const authorization = sandbox.state.authorizations.find(
        (a) => a.partner_id === caller.partner.partner_id && a.shop_id === shop.shop_id
      )
      // Shopee puts these fields at the top level for get_shop_info.
      return {
        fields: {
          shop_name: shop.shop_name,
          region: shop.region,
          status: "NORMAL",
          is_cb: false,
          is_sip: false,
          is_upgraded_cbsc: false,
          merchant_id: shop.merchant_id,
          shop_fulfillment_flag: "Others",
          is_main_shop: false,
          is_direct_shop: false,
          auth_time: authorization ? Math.floor(authorization.authorized_at_ms / 1000) : 0,
          expire_time: authorization ? Math.floor(authorization.expires_at_ms / 1000) : 0,
        },
      }
    },
  },
  {
    method: "GET",
    path: "/api/v2/public/get_shops_by_partner",
    call: "public",
    handle({ sandbox, caller }) {
      const authorizations = sandbox.state.authorizations.filter((a) => a.partner_id === caller.partner.partner_id && a.shop_id !== null)
      return {
        fields: {
          authed_shop_list: authorizations.map((a) => ({
            shop_id: a.shop_id,
            region: sandbox.accounts.shop(a.shop_id as number)?.region ?? "",
            auth_time: Math.floor(a.authorized_at_ms / 1000),
            expire_time: Math.floor(a.expires_at_ms / 1000),
          })),
          more: false,
        },
      }
    },
  },
]
