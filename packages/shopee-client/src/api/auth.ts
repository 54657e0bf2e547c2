import { ShopeeError } from "../errors.js"
import type { ShopeeEnvelope } from "../http.js"
import type { Caller } from "./caller.js"

export const TOKEN_GET_PATH = "/api/v2/auth/token/get"
export const ACCESS_TOKEN_GET_PATH = "/api/v2/auth/access_token/get"
export const ACCESS_TOKEN_LIFETIME_SECONDS = 4 * 60 * 60

/** The code from the authorization redirect, with the shop or the main account it came with. */
export type GetAccessTokenRequest = { code: string; shop_id: number } | { code: string; main_account_id: number }

export interface GetAccessTokenResponse {
  request_id: string
  access_token: string
  refresh_token: string
  /** Seconds the access token stays valid (about 4 hours). */
  expire_in: number
  /** For a main account: every shop and merchant this authorization covers. */
  shop_id_list?: number[]
  merchant_id_list?: number[]
}

export type RefreshAccessTokenRequest = { refresh_token: string; shop_id: number } | { refresh_token: string; merchant_id: number }

export interface RefreshAccessTokenResponse {
  request_id: string
  access_token: string
  /** The refresh token is single-use: this new one replaces the one sent. */
  refresh_token: string
  expire_in: number
  partner_id?: number
  shop_id?: number
  merchant_id?: number
}

/** The two token calls. Auth answers carry their fields at the top level, not under `response`. */
export class AuthApi {
  readonly #call: Caller
  readonly #partnerId: number

  constructor(call: Caller, partnerId: number) {
    this.#call = call
    this.#partnerId = partnerId
  }

  /** Exchanges the single-use authorization code; never retried, a second use would fail anyway. */
  async getAccessToken(request: GetAccessTokenRequest): Promise<GetAccessTokenResponse> {
    const envelope = await this.#call.post(TOKEN_GET_PATH, { ...request, partner_id: this.#partnerId }, { idempotent: false })
    return { ...tokenFields(envelope, TOKEN_GET_PATH), ...listFields(envelope) }
  }

  /** Trades the single-use refresh token for new tokens; never retried blindly. */
  async refreshAccessToken(request: RefreshAccessTokenRequest): Promise<RefreshAccessTokenResponse> {
    const envelope = await this.#call.post(ACCESS_TOKEN_GET_PATH, { ...request, partner_id: this.#partnerId }, { idempotent: false })
    const out: RefreshAccessTokenResponse = tokenFields(envelope, ACCESS_TOKEN_GET_PATH)
    for (const field of ["partner_id", "shop_id", "merchant_id"] as const) {
      if (typeof envelope[field] === "number") out[field] = envelope[field] as number
    }
    return out
  }
}

function tokenFields(envelope: ShopeeEnvelope, path: string) {
  const { access_token, refresh_token, expire_in } = envelope
  if (typeof access_token !== "string" || access_token === "" || typeof refresh_token !== "string" || refresh_token === "") {
    throw new ShopeeError({
      path,
      request_id: envelope.request_id,
      message: "Shopee answered without an access_token or refresh_token",
    })
  }
  return {
    request_id: envelope.request_id ?? "",
    access_token,
    refresh_token,
    // Shopee documents 4 hours; a missing value is read as that rather than as "already expired".
    expire_in: typeof expire_in === "number" && expire_in > 0 ? expire_in : ACCESS_TOKEN_LIFETIME_SECONDS,
  }
}

function listFields(envelope: ShopeeEnvelope): Pick<GetAccessTokenResponse, "shop_id_list" | "merchant_id_list"> {
  const out: Pick<GetAccessTokenResponse, "shop_id_list" | "merchant_id_list"> = {}
  if (Array.isArray(envelope.shop_id_list)) out.shop_id_list = envelope.shop_id_list as number[]
  if (Array.isArray(envelope.merchant_id_list)) out.merchant_id_list = envelope.merchant_id_list as number[]
  return out
}
