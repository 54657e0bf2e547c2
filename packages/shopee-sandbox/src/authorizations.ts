import type { SandboxClock } from "./clock.js"
import { AUTHORIZATION_TTL_MS } from "./lifetimes.js"
import type { Authorization, SandboxState } from "./model.js"

/** Which shops and merchants have authorized which partner, and until when (at most 365 days). */
export class Authorizations {
  constructor(
    private readonly state: SandboxState,
    private readonly clock: SandboxClock
  ) {}

  grant(partnerId: number, target: { shop_id?: number; merchant_id?: number }): Authorization {
    const shopId = target.shop_id ?? null
    const merchantId = target.merchant_id ?? null
    const now = this.clock.nowMs()
    this.state.authorizations = this.state.authorizations.filter(
      (a) => !(a.partner_id === partnerId && a.shop_id === shopId && a.merchant_id === merchantId)
    )
    const authorization: Authorization = {
      partner_id: partnerId,
      shop_id: shopId,
      merchant_id: merchantId,
      authorized_at_ms: now,
      expires_at_ms: now + AUTHORIZATION_TTL_MS,
    }
    this.state.authorizations.push(authorization)
    return authorization
  }

  /** Removes the authorization; true when there was one. */
  revoke(partnerId: number, shopId: number): boolean {
    const before = this.state.authorizations.length
    this.state.authorizations = this.state.authorizations.filter((a) => !(a.partner_id === partnerId && a.shop_id === shopId))
    return this.state.authorizations.length < before
  }

  isActive(partnerId: number, target: { shop_id?: number; merchant_id?: number }): boolean {
    const now = this.clock.nowMs()
    return this.state.authorizations.some(
      (a) =>
        a.partner_id === partnerId &&
        a.expires_at_ms > now &&
        (target.shop_id === undefined || a.shop_id === target.shop_id) &&
        (target.merchant_id === undefined || a.merchant_id === target.merchant_id)
    )
  }

  /** Partners that currently receive the pushes of a shop. */
  partnersOfShop(shopId: number): number[] {
    const now = this.clock.nowMs()
    return this.state.authorizations.filter((a) => a.shop_id === shopId && a.expires_at_ms > now).map((a) => a.partner_id)
  }
}
