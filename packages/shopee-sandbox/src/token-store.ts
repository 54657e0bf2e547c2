import type { Authorizations } from "./authorizations.js"
import type { SandboxClock } from "./clock.js"
import { ACCESS_TOKEN_TTL_MS, AUTH_CODE_TTL_MS, OLD_ACCESS_TOKEN_GRACE_MS, REFRESH_TOKEN_TTL_MS } from "./lifetimes.js"
import type { AccessToken, AuthCode, Grant, RefreshToken, SandboxState } from "./model.js"
import { randomHex32 } from "./random-token.js"
import { ShopeeError, authError, invalidAccessToken, invalidCode } from "./shopee-error.js"

export interface TokenPair {
  access: AccessToken
  refresh: RefreshToken
}

/** Which shop or merchant a token call is for. */
export type TokenTarget = { shop_id: number } | { merchant_id: number }

function targetKey(target: TokenTarget): string {
  return "shop_id" in target ? `shop:${target.shop_id}` : `merchant:${target.merchant_id}`
}

function grantCovers(grant: Grant, target: TokenTarget): boolean {
  return "shop_id" in target ? grant.shop_ids.includes(target.shop_id) : grant.merchant_ids.includes(target.merchant_id)
}

/**
 * Authorization codes, access tokens and refresh tokens with Shopee's rules: codes single-use
 * for 10 minutes; access tokens 4 hours; refresh tokens 30 days and single-use, the previous
 * access token surviving a refresh by 5 minutes; a new authorization replaces the earlier
 * tokens of the same shops. A reused refresh token is recorded so that
 * tests can see a client that lost the race.
 */
export class TokenStore {
  constructor(
    private readonly state: SandboxState,
    private readonly clock: SandboxClock,
    private readonly authorizations: Authorizations
  ) {}

  issueCode(grant: Grant, subject: { shop_id: number } | { main_account_id: number }): AuthCode {
    const code: AuthCode = {
      ...grant,
      code: randomHex32(),
      shop_id: "shop_id" in subject ? subject.shop_id : null,
      main_account_id: "main_account_id" in subject ? subject.main_account_id : null,
      expires_at_ms: this.clock.nowMs() + AUTH_CODE_TTL_MS,
      used_at_ms: null,
    }
    this.state.codes.push(code)
    return code
  }

  exchangeCode(input: { code: string; partner_id: number; shop_id?: number; main_account_id?: number }): TokenPair {
    const now = this.clock.nowMs()
    const code = this.state.codes.find((c) => c.code === input.code)
    const matches =
      code !== undefined &&
      code.partner_id === input.partner_id &&
      (input.shop_id !== undefined ? code.shop_id === input.shop_id : code.main_account_id === input.main_account_id)
    if (!code || !matches || code.used_at_ms !== null || code.expires_at_ms <= now) {
      throw invalidCode()
    }
    code.used_at_ms = now
    const grant = { partner_id: code.partner_id, shop_ids: code.shop_ids, merchant_ids: code.merchant_ids }
    this.revokeOverlapping(grant)
    return this.issuePair(grant)
  }

  refresh(input: { refresh_token: string; partner_id: number; target: TokenTarget }): TokenPair {
    const now = this.clock.nowMs()
    const old = this.state.refresh_tokens.find((r) => r.refresh_token === input.refresh_token)
    if (!old || old.partner_id !== input.partner_id || !grantCovers(old, input.target)) {
      throw authError("Invalid refresh_token.")
    }
    const key = targetKey(input.target)
    if (old.used_for.includes(key)) {
      this.state.refresh_reuses.push({
        refresh_token: old.refresh_token,
        partner_id: old.partner_id,
        shop_id: "shop_id" in input.target ? input.target.shop_id : null,
        merchant_id: "merchant_id" in input.target ? input.target.merchant_id : null,
        at_ms: now,
      })
      throw authError("Invalid refresh_token.")
    }
    if (old.expires_at_ms <= now) {
      throw new ShopeeError("refresh_token_expired", "Refresh token is expired.", 403)
    }
    if (!this.authorizations.isActive(old.partner_id, input.target)) {
      throw authError("The shop or merchant has not authorized this partner.")
    }
    old.used_for.push(key)
    for (const access of this.state.access_tokens) {
      if (access.refresh_token === old.refresh_token) {
        access.expires_at_ms = Math.min(access.expires_at_ms, now + OLD_ACCESS_TOKEN_GRACE_MS)
      }
    }
    const shopIds = "shop_id" in input.target ? [input.target.shop_id] : []
    const merchantIds = "merchant_id" in input.target ? [input.target.merchant_id] : []
    return this.issuePair({ partner_id: old.partner_id, shop_ids: shopIds, merchant_ids: merchantIds })
  }

  /** Throws Shopee's error when `accessToken` may not be used by this partner for this target. */
  checkAccess(partnerId: number, accessToken: string, target: TokenTarget): void {
    const token = this.state.access_tokens.find((t) => t.access_token === accessToken)
    if (!token || token.partner_id !== partnerId || token.expires_at_ms <= this.clock.nowMs()) {
      throw invalidAccessToken()
    }
    if (!grantCovers(token, target)) throw invalidAccessToken()
    if (!this.authorizations.isActive(partnerId, target)) {
      throw authError("The shop or merchant has not authorized this partner.")
    }
  }

  /**
   * A new authorization replaces the partner's earlier tokens for the same shops and merchants:
   * Shopee rotates them, so the old access and refresh tokens stop working at once (no grace).
   */
  private revokeOverlapping(grant: Grant): void {
    const overlaps = (t: Grant) =>
      t.partner_id === grant.partner_id &&
      (t.shop_ids.some((id) => grant.shop_ids.includes(id)) || t.merchant_ids.some((id) => grant.merchant_ids.includes(id)))
    this.state.access_tokens = this.state.access_tokens.filter((t) => !overlaps(t))
    this.state.refresh_tokens = this.state.refresh_tokens.filter((t) => !overlaps(t))
  }

  private issuePair(grant: Grant): TokenPair {
    const now = this.clock.nowMs()
    const refresh: RefreshToken = {
      ...grant,
      refresh_token: randomHex32(),
      created_at_ms: now,
      expires_at_ms: now + REFRESH_TOKEN_TTL_MS,
      used_for: [],
    }
    const access: AccessToken = {
      ...grant,
      access_token: randomHex32(),
      refresh_token: refresh.refresh_token,
      created_at_ms: now,
      expires_at_ms: now + ACCESS_TOKEN_TTL_MS,
    }
    this.state.refresh_tokens.push(refresh)
    this.state.access_tokens.push(access)
    return { access, refresh }
  }
}
