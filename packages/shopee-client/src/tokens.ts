import type { GetAccessTokenResponse, RefreshAccessTokenResponse } from "./api/auth.js"

/** What a token store keeps per shop (or merchant). Times are milliseconds since the epoch. */
export interface ShopeeTokens {
  accessToken: string
  /** Single-use at Shopee: once refreshed, only the new one works. */
  refreshToken: string
  accessTokenExpiresAt: number
  /** Shopee documents 30 days from issue. */
  refreshTokenExpiresAt: number
}

export type TokenOwner = { shopId: number } | { merchantId: number }

const REFRESH_TOKEN_LIFETIME_MS = 30 * 24 * 60 * 60 * 1000

/** Tokens as stored, from a token/get or access_token/get answer received at `nowMs`. */
export function tokensFromResponse(
  response: Pick<GetAccessTokenResponse | RefreshAccessTokenResponse, "access_token" | "refresh_token" | "expire_in">,
  nowMs: number
): ShopeeTokens {
  // `expire_in` is documented as a lifetime in seconds, but Shopee's own sample shows an absolute
  // unix time; a value no lifetime could reach (over a year) is read as the latter.
  const expiresAt = response.expire_in > 365 * 24 * 60 * 60 ? response.expire_in * 1000 : nowMs + response.expire_in * 1000
  return {
    accessToken: response.access_token,
    refreshToken: response.refresh_token,
    accessTokenExpiresAt: expiresAt,
    refreshTokenExpiresAt: nowMs + REFRESH_TOKEN_LIFETIME_MS,
  }
}

/** What a shop-scoped client needs to get tokens: a fixed token, or a TokenSource. */
export interface AccessTokenProvider {
  getAccessToken(owner: TokenOwner): Promise<string>
  /** Shopee refused `rejectedAccessToken`: return a different, fresh one (or throw). */
  refreshAfterRejection(owner: TokenOwner, rejectedAccessToken: string): Promise<string>
}
