import type { ApiCaller } from "./api-route.js"
import { TIMESTAMP_WINDOW_SECONDS } from "./lifetimes.js"
import type { Sandbox } from "./sandbox.js"
import { ShopeeError, paramError } from "./shopee-error.js"
import { signRequest, signsMatch, type CallType } from "./sign.js"

function queryInt(query: URLSearchParams, name: string): number | undefined | null {
  const raw = query.get(name)
  if (raw === null || raw === "") return undefined
  return /^\d+$/.test(raw) && Number.isSafeInteger(Number(raw)) ? Number(raw) : null
}

/**
 * The gateway checks every Open Platform call makes, in Shopee's order: partner, timestamp,
 * sign presence, the shop or merchant credentials, the signature over the call type's base
 * string, and finally the access token.
 */
export function verifyRequest(sandbox: Sandbox, call: CallType, path: string, query: URLSearchParams): ApiCaller {
  const partnerId = queryInt(query, "partner_id")
  if (partnerId === undefined) throw paramError("There is no partner_id in query.")
  const partner = partnerId === null ? undefined : sandbox.accounts.partner(partnerId)
  if (!partner) throw paramError("Invalid partner_id.")

  const timestamp = queryInt(query, "timestamp")
  if (timestamp === undefined) throw paramError("no timestamp")
  if (timestamp === null) throw paramError("Invalid timestamp")
  if (Math.abs(sandbox.clock.nowSeconds() - timestamp) > TIMESTAMP_WINDOW_SECONDS) {
    throw paramError("Invalid timestamp, timestamp is expired.")
  }

  const sign = query.get("sign")
  if (!sign) throw paramError("There is no sign in query.")

  let accessToken: string | undefined
  let entityId: number | undefined
  if (call !== "public") {
    const entity = call === "shop" ? "shop_id" : "merchant_id"
    accessToken = query.get("access_token") ?? ""
    if (accessToken === "") throw paramError("There is no access_token in query.")
    const id = queryInt(query, entity)
    if (id === undefined) throw paramError(`There is no ${entity} in query.`)
    if (id === null) throw paramError(`Invalid ${entity}.`)
    entityId = id
  }

  const expected = signRequest(call, { partnerId: partner.partner_id, path, timestamp, accessToken, entityId }, partner.partner_key)
  if (!signsMatch(expected, sign)) throw new ShopeeError("error_sign", "Wrong sign.", 403)

  if (call === "shop") sandbox.tokens.checkAccess(partner.partner_id, accessToken as string, { shop_id: entityId as number })
  if (call === "merchant") sandbox.tokens.checkAccess(partner.partner_id, accessToken as string, { merchant_id: entityId as number })
  return {
    partner,
    shopId: call === "shop" ? (entityId as number) : null,
    merchantId: call === "merchant" ? (entityId as number) : null,
  }
}
