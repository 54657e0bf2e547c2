import { UnknownSubjectError, authorizeSeller } from "../authorize-seller.js"
import { authorizationPush } from "../push-messages.js"
import { invalidField, notFound } from "./control-error.js"
import type { ControlRoute } from "./control-route.js"

/** Authorization without the HTML page, and the token bookkeeping tests assert on. */
export const authRoutes: ControlRoute[] = [
  {
    method: "POST",
    pattern: "/_control/auth_code",
    handle({ sandbox, input }) {
      input.only(["partner_id", "shop_id", "main_account_id"])
      const partnerId = input.int("partner_id", { required: true })
      if (!sandbox.accounts.partner(partnerId)) throw invalidField("partner_id", `partner ${partnerId} does not exist`)
      const shopId = input.int("shop_id")
      const mainAccountId = input.int("main_account_id")
      if ((shopId === undefined) === (mainAccountId === undefined)) {
        throw invalidField(shopId === undefined ? "shop_id" : "main_account_id", "give exactly one of shop_id and main_account_id")
      }
      try {
        const code = authorizeSeller(
          sandbox,
          partnerId,
          shopId !== undefined ? { shop_id: shopId } : { main_account_id: mainAccountId as number }
        )
        return {
          status: 201,
          body: {
            code: code.code,
            partner_id: partnerId,
            shop_id: code.shop_id,
            main_account_id: code.main_account_id,
            shop_id_list: code.shop_ids,
            merchant_id_list: code.merchant_ids,
            expires_at_ms: code.expires_at_ms,
          },
        }
      } catch (err) {
        if (err instanceof UnknownSubjectError) throw invalidField(shopId !== undefined ? "shop_id" : "main_account_id", err.message)
        throw err
      }
    },
  },
  {
    method: "POST",
    pattern: "/_control/deauthorize",
    handle({ sandbox, input }) {
      input.only(["partner_id", "shop_id"])
      const partnerId = input.int("partner_id", { required: true })
      const shopId = input.int("shop_id", { required: true })
      if (!sandbox.authorizations.revoke(partnerId, shopId)) {
        throw notFound(`shop ${shopId} has not authorized partner ${partnerId}`)
      }
      sandbox.pushes.send(partnerId, authorizationPush(2, { shop_id: shopId }))
      sandbox.changed()
      return { body: { partner_id: partnerId, shop_id: shopId, revoked: true } }
    },
  },
  { method: "GET", pattern: "/_control/authorizations", handle: ({ sandbox }) => ({ body: sandbox.state.authorizations }) },
  {
    method: "GET",
    pattern: "/_control/tokens",
    handle: ({ sandbox }) => ({
      body: {
        codes: sandbox.state.codes,
        access_tokens: sandbox.state.access_tokens,
        refresh_tokens: sandbox.state.refresh_tokens,
        refresh_token_reuses: sandbox.state.refresh_reuses,
        refresh_token_reuse_count: sandbox.state.refresh_reuses.length,
      },
    }),
  },
]
