/**
 * Shopee's rule for a partner's push subscription: when more than 600 pushes in 6 hours have
 * under 30 % success, Shopee disables the subscription and never resends what it missed (until
 * the partner enables it again). A push succeeds only when answered with a 2xx and an empty body
 * within the timeout. The warning level is not Shopee's published number: it marks the same
 * volume at under 70 % success, so that a test or a person sees trouble before the suspension.
 */
export interface PushHealthRule {
  windowMs: number
  /** The window must hold more than this many attempts before a rate means anything. */
  minAttempts: number
  suspendBelowRate: number
  warnBelowRate: number
}

export const SHOPEE_PUSH_HEALTH_RULE: PushHealthRule = {
  windowMs: 6 * 60 * 60 * 1000,
  minAttempts: 600,
  suspendBelowRate: 0.3,
  warnBelowRate: 0.7,
}

export type SubscriptionStatus = "active" | "warning" | "suspended"

export interface SubscriptionHealth {
  status: SubscriptionStatus
  attempts: number
  successes: number
  /** successes / attempts in the window; null when nothing was attempted. */
  success_rate: number | null
}

/** What counts as a delivered push at Shopee: a 2xx, with an empty body, in time. */
export function isPushSuccess(outcome: { status: number | null; body_bytes: number; error: string | null }): boolean {
  return outcome.error === null && outcome.status !== null && outcome.status >= 200 && outcome.status < 300 && outcome.body_bytes === 0
}

/** The attempts of one partner inside the rolling window, oldest first. */
export class PushHealthWindow {
  private readonly outcomes: { at_ms: number; ok: boolean }[] = []
  private successes = 0

  constructor(private readonly rule: PushHealthRule) {}

  record(atMs: number, ok: boolean): void {
    this.outcomes.push({ at_ms: atMs, ok })
    if (ok) this.successes += 1
  }

  /** The window's figures at `nowMs`, and the status they give (suspension is decided by the caller, once). */
  health(nowMs: number): SubscriptionHealth {
    while (this.outcomes.length > 0 && this.outcomes[0].at_ms <= nowMs - this.rule.windowMs) {
      if (this.outcomes.shift()!.ok) this.successes -= 1
    }
    const attempts = this.outcomes.length
    const rate = attempts === 0 ? null : this.successes / attempts
    let status: SubscriptionStatus = "active"
    if (attempts > this.rule.minAttempts && rate !== null) {
      if (rate < this.rule.suspendBelowRate) status = "suspended"
      else if (rate < this.rule.warnBelowRate) status = "warning"
    }
    return { status, attempts, successes: this.successes, success_rate: rate }
  }

  clear(): void {
    this.outcomes.length = 0
    this.successes = 0
  }
}
