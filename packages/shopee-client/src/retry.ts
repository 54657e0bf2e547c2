import { isTransientError } from "./errors.js"

export interface RetryPolicy {
  /** Attempts in all, the first included; 1 turns retries off. */
  maxAttempts: number
  /** The cap of the first backoff; each further retry doubles it. */
  baseDelayMs: number
  /** No backoff is ever longer than this. */
  maxDelayMs: number
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 4, baseDelayMs: 500, maxDelayMs: 8_000 }

export interface RetryEvent {
  path: string
  /** The attempt that failed, 1-based. */
  attempt: number
  delayMs: number
  error: unknown
}

/**
 * Exponential backoff with full jitter: a uniform delay in [0, min(max, base * 2^(retry-1))).
 * Full jitter spreads the retries of many callers hit by the same rate limit.
 */
export function backoffDelay(retry: number, policy: RetryPolicy, random: () => number): number {
  const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1))
  return Math.floor(random() * cap)
}

export interface RetryContext {
  path: string
  /** Only idempotent requests are retried: a blind retry of a write could apply it twice. */
  idempotent: boolean
  policy: RetryPolicy
  sleep: (ms: number) => Promise<void>
  random: () => number
  onRetry?: (event: RetryEvent) => void
}

export async function withRetries<T>(attemptOnce: (attempt: number) => Promise<T>, context: RetryContext): Promise<T> {
  const attempts = context.idempotent ? Math.max(1, context.policy.maxAttempts) : 1
  for (let attempt = 1; ; attempt++) {
    try {
      return await attemptOnce(attempt)
    } catch (error) {
      if (attempt >= attempts || !isTransientError(error)) throw error
      const delayMs = backoffDelay(attempt, context.policy, context.random)
      context.onRetry?.({ path: context.path, attempt, delayMs, error })
      await context.sleep(delayMs)
    }
  }
}
