import type { SandboxClock } from "./clock.js"
import { AUTH_CODE_TTL_MS } from "./lifetimes.js"
import { randomHex32 } from "./random-token.js"

/** A seller looking at the authorization page: which partner asked and where to send them back. */
export interface AuthRequest {
  id: string
  partner_id: number
  redirect: string
  expires_at_ms: number
}

/**
 * Pending authorization pages. The page's approve form carries only this id, so the approval
 * cannot be forged for another partner or redirect by editing the form.
 */
export class AuthRequests {
  private readonly pending = new Map<string, AuthRequest>()

  constructor(private readonly clock: SandboxClock) {}

  open(partnerId: number, redirect: string): AuthRequest {
    const request = { id: randomHex32(), partner_id: partnerId, redirect, expires_at_ms: this.clock.nowMs() + AUTH_CODE_TTL_MS }
    this.pending.set(request.id, request)
    return request
  }

  /** Takes the request out (single use); undefined when unknown or expired. */
  take(id: string): AuthRequest | undefined {
    const request = this.pending.get(id)
    this.pending.delete(id)
    return request && request.expires_at_ms > this.clock.nowMs() ? request : undefined
  }
}
