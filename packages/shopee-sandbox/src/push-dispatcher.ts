import { setMaxListeners } from "node:events"
import type { Accounts } from "./accounts.js"
import type { SandboxClock } from "./clock.js"
import type { Faults } from "./faults.js"
import { LOST_PUSH_MAX_AGE_MS } from "./lifetimes.js"
import type { Partner, PushMessage, SandboxState } from "./model.js"
import { postPush, type PostOutcome } from "./post-push.js"
import { PushHealthWindow, SHOPEE_PUSH_HEALTH_RULE, isPushSuccess, type PushHealthRule, type SubscriptionHealth } from "./push-health.js"
import { pushBody, type PushPayload } from "./push-messages.js"
import { signPush } from "./sign.js"

/** Pushes kept back on purpose until a test releases them: those of one order, one code, or all. */
export interface PushHold {
  id: number
  /** Only pushes whose data names this order (`ordersn`); null means any. */
  order_sn: string | null
  /** Only pushes with this code; null means any. */
  code: number | null
  held_message_ids: number[]
}

export interface PushDispatcherOptions {
  /** Delays before each retry; Shopee's are 5 min, 30 min and 3 h. */
  schedule: number[]
  timeoutMs: number
  /** When the subscription warns and is disabled; Shopee's rule unless a test shrinks it. */
  healthRule?: PushHealthRule
}

export interface SubscriptionView extends SubscriptionHealth {
  partner_id: number
  suspended_at_ms: number | null
}

/**
 * Sends pushes as Shopee does: signed `url|body` with the push partner key, one attempt and
 * then a retry per schedule entry; a push that never got a 2xx with an empty body in time becomes
 * a lost push, served by get_lost_push_message until confirmed. Every attempt counts towards the
 * partner's success rate (push-health.ts): too low, and the subscription is disabled, after which
 * nothing is sent or kept until it is enabled again. Injected faults drop (every attempt fails
 * before reaching the callback), duplicate or reorder pushes.
 */
export class PushDispatcher {
  private readonly timers = new Set<NodeJS.Timeout>()
  private readonly aborter = new AbortController()
  private inFlight = 0
  private held: PushMessage[] = []
  private holds: { hold: PushHold; messages: PushMessage[] }[] = []
  private nextHoldId = 0
  private releasing = 0
  private readonly health = new Map<number, PushHealthWindow>()

  constructor(
    private readonly state: SandboxState,
    private readonly clock: SandboxClock,
    private readonly accounts: Accounts,
    private readonly faults: Faults,
    private readonly options: PushDispatcherOptions,
    private readonly onChange: () => void
  ) {
    // Every in-flight delivery listens on the one close signal; many at once is normal here.
    setMaxListeners(0, this.aborter.signal)
  }

  /** Records and sends one push to one partner; returns the messages created (two if duplicated). */
  send(partnerId: number, payload: PushPayload): PushMessage[] {
    const partner = this.accounts.partner(partnerId)
    if (!partner) return []
    const body = pushBody(payload, this.clock.nowSeconds())
    const first = this.record(partnerId, payload, body, partner.callback_url, null)
    if (isSuspended(partner)) {
      first.state = "suspended"
      this.onChange()
      return [first]
    }
    const fault = this.faults.forPush(payload.code)
    if (fault.drop) {
      first.dropped_by_fault = true
      void this.deliver(first)
      this.onChange()
      return [first]
    }
    const messages = [first]
    if (fault.duplicate) messages.push(this.record(partnerId, payload, body, partner.callback_url, first.message_id))
    const hold = this.holdFor(payload)
    if (hold) {
      for (const m of messages) m.state = "held"
      hold.messages.push(...messages)
      hold.hold.held_message_ids.push(...messages.map((m) => m.message_id))
    } else if (fault.reorder) {
      for (const m of messages) m.state = "held"
      this.held.push(...messages)
      if (this.held.length >= fault.reorder.batch) this.releaseHeldNewestFirst()
    } else {
      for (const m of messages) void this.deliver(m)
    }
    this.onChange()
    return messages
  }

  /** Keeps back every later push that matches (no filter: every push) until `release`. */
  hold(filter: { order_sn?: string | null; code?: number | null }): PushHold {
    const hold: PushHold = { id: ++this.nextHoldId, order_sn: filter.order_sn ?? null, code: filter.code ?? null, held_message_ids: [] }
    this.holds.push({ hold, messages: [] })
    return hold
  }

  listHolds(): PushHold[] {
    return this.holds.map((h) => h.hold)
  }

  /**
   * Lifts the holds that match (by id, by order, or all when no filter) and sends what they kept,
   * oldest first, one after the other. Returns the released message ids, or null when a given
   * hold id does not exist.
   */
  release(filter: { hold_id?: number; order_sn?: string }): number[] | null {
    const matches = (h: PushHold) =>
      (filter.hold_id === undefined || h.id === filter.hold_id) && (filter.order_sn === undefined || h.order_sn === filter.order_sn)
    const lifted = this.holds.filter((h) => matches(h.hold))
    if (filter.hold_id !== undefined && lifted.length === 0) return null
    this.holds = this.holds.filter((h) => !matches(h.hold))
    const batch = lifted.flatMap((h) => h.messages).sort((a, b) => a.message_id - b.message_id)
    this.releasing += 1
    void (async () => {
      for (const m of batch) await this.deliver(m)
      this.releasing -= 1
    })()
    return batch.map((m) => m.message_id)
  }

  /** Lost pushes of a partner, oldest first, as get_lost_push_message serves them. */
  lost(partnerId: number): PushMessage[] {
    const oldest = this.clock.nowMs() - LOST_PUSH_MAX_AGE_MS
    return this.state.pushes.filter((m) => m.partner_id === partnerId && m.state === "lost" && !m.consumed && (m.lost_at_ms ?? 0) >= oldest)
  }

  confirmConsumed(partnerId: number, lastMessageId: number): void {
    for (const m of this.state.pushes) {
      if (m.partner_id === partnerId && m.state === "lost" && m.message_id <= lastMessageId) m.consumed = true
    }
    this.onChange()
  }

  /** The partner's subscription: its status and the figures of the current 6-hour window. */
  subscription(partnerId: number): SubscriptionView | undefined {
    const partner = this.accounts.partner(partnerId)
    if (!partner) return undefined
    const health = this.windowOf(partnerId).health(this.clock.nowMs())
    const suspendedAt = partner.push_suspended_at_ms ?? null
    const status = suspendedAt !== null ? "suspended" : partner.push_warning_at_ms != null ? "warning" : health.status
    return { partner_id: partnerId, ...health, status, suspended_at_ms: suspendedAt }
  }

  /**
   * Puts the subscription in a state at once, as Shopee's figures would over hours: "warning"
   * (failing) or "suspended" (nothing is sent or kept until it is enabled again).
   */
  setStatus(partnerId: number, status: "warning" | "suspended"): SubscriptionView | undefined {
    const partner = this.accounts.partner(partnerId)
    if (!partner) return undefined
    if (status === "suspended") partner.push_suspended_at_ms ??= this.clock.nowMs()
    else partner.push_warning_at_ms = this.clock.nowMs()
    this.onChange()
    return this.subscription(partnerId)
  }

  /** The partner turns pushes back on (Shopee's console): a fresh window, and what was missed stays missed. */
  enable(partnerId: number): SubscriptionView | undefined {
    const partner = this.accounts.partner(partnerId)
    if (!partner) return undefined
    partner.push_suspended_at_ms = null
    partner.push_warning_at_ms = null
    this.windowOf(partnerId).clear()
    this.onChange()
    return this.subscription(partnerId)
  }

  /** Resolves once nothing is in flight or waiting for a retry (held pushes wait for their batch). */
  async whenIdle(): Promise<void> {
    while (this.inFlight > 0 || this.timers.size > 0 || this.releasing > 0) await new Promise((r) => setTimeout(r, 5))
  }

  /** Forgets scheduled retries and held pushes (reset). */
  cancelPending(): void {
    for (const t of this.timers) clearTimeout(t)
    this.timers.clear()
    this.held = []
    this.holds = []
  }

  close(): void {
    this.cancelPending()
    this.aborter.abort()
  }

  private record(
    partnerId: number,
    payload: PushPayload,
    body: string,
    callbackUrl: string | null,
    duplicateOf: number | null
  ): PushMessage {
    const message: PushMessage = {
      message_id: ++this.state.counters.push_message,
      partner_id: partnerId,
      shop_id: payload.shop_id,
      code: payload.code,
      callback_url: callbackUrl,
      body,
      created_at_ms: this.clock.nowMs(),
      state: "pending",
      attempts: [],
      lost_at_ms: null,
      consumed: false,
      duplicate_of: duplicateOf,
    }
    this.state.pushes.push(message)
    return message
  }

  private holdFor(payload: PushPayload): { hold: PushHold; messages: PushMessage[] } | undefined {
    const orderSn = payload.data.ordersn ?? payload.data.order_sn
    return this.holds.find(
      ({ hold }) => (hold.code === null || hold.code === payload.code) && (hold.order_sn === null || hold.order_sn === orderSn)
    )
  }

  private releaseHeldNewestFirst(): void {
    const batch = this.held.reverse()
    this.held = []
    // Sequential, so the callback really receives them in reverse order.
    void (async () => {
      for (const m of batch) await this.deliver(m)
    })()
  }

  private async deliver(message: PushMessage): Promise<void> {
    const partner = this.accounts.partner(message.partner_id)
    if (!partner || message.callback_url === null) {
      this.markLost(message)
      return
    }
    if (isSuspended(partner)) {
      message.state = "suspended"
      this.onChange()
      return
    }
    message.state = "pending"
    const started = Date.now()
    const atMs = this.clock.nowMs()
    let outcome: PostOutcome
    if (message.dropped_by_fault) {
      outcome = { status: null, body_bytes: 0, error: "dropped on the way (drop_push fault)" }
    } else {
      this.inFlight += 1
      outcome = await postPush(
        message.callback_url,
        message.body,
        signPush(message.callback_url, message.body, partner.push_partner_key),
        this.options.timeoutMs,
        this.aborter.signal
      )
      this.inFlight -= 1
      if (this.aborter.signal.aborted) return
    }
    message.attempts.push({
      at_ms: atMs,
      duration_ms: Date.now() - started,
      status: outcome.status,
      error: outcome.error ?? emptyBodyProblem(outcome),
    })
    const ok = isPushSuccess(outcome)
    this.countAttempt(partner, atMs, ok)
    if (ok) {
      message.state = "delivered"
    } else if (message.attempts.length <= this.options.schedule.length) {
      message.state = "retrying"
      const timer = setTimeout(
        () => {
          this.timers.delete(timer)
          void this.deliver(message)
        },
        this.options.schedule[message.attempts.length - 1]
      )
      this.timers.add(timer)
    } else {
      this.markLost(message)
      return
    }
    this.onChange()
  }

  private windowOf(partnerId: number): PushHealthWindow {
    let window = this.health.get(partnerId)
    if (!window) {
      window = new PushHealthWindow(this.options.healthRule ?? SHOPEE_PUSH_HEALTH_RULE)
      this.health.set(partnerId, window)
    }
    return window
  }

  private countAttempt(partner: Partner, atMs: number, ok: boolean): void {
    const window = this.windowOf(partner.partner_id)
    window.record(atMs, ok)
    if (!isSuspended(partner) && window.health(atMs).status === "suspended") partner.push_suspended_at_ms = atMs
  }

  private markLost(message: PushMessage): void {
    message.state = "lost"
    message.lost_at_ms = this.clock.nowMs()
    this.onChange()
  }
}

function isSuspended(partner: Partner): boolean {
  return partner.push_suspended_at_ms != null
}

/** Why a 2xx still failed: Shopee wants an empty answer. */
function emptyBodyProblem(outcome: PostOutcome): string | null {
  return outcome.status !== null && outcome.status >= 200 && outcome.status < 300 && outcome.body_bytes > 0
    ? `answered ${outcome.body_bytes} bytes: a push is acknowledged with an empty body`
    : null
}
