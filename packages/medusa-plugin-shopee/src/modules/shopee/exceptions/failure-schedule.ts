import type { ExceptionStatus } from "./vocabulary"

/**
 * How a failure that is retried on a schedule is recorded: its attempts counted on one
 * exception, the next attempt after a growing delay, until the limit leaves it for a person.
 */

/** The kinds retried on a schedule, and how their message names what failed. */
export const SCHEDULED_FAILURES = {
  order_import_failed: (ref: string) => `Importing Shopee order ${ref}`,
  shipment_deferred: (ref: string) => `Arranging the shipment of Shopee order ${ref}`,
} as const
export type ScheduledFailureKind = keyof typeof SCHEDULED_FAILURES

/** Attempts before a failure is left open for a person. */
export const MAX_FAILURE_ATTEMPTS = 5

/** 1 min, 4 min, 16 min, 64 min…, capped at 2 h: quick for a blip, patient for an outage. */
export function retryDelayMs(attempt: number): number {
  return Math.min(60_000 * 4 ** (attempt - 1), 2 * 60 * 60 * 1000)
}

export type FailureRecord = {
  attempts: number
  status: Extract<ExceptionStatus, "open" | "retrying">
  next_attempt_at: Date | null
  message: string
}

/** The exception's fields after one more failure, given the attempts already counted. */
export function nextFailure(input: {
  kind: ScheduledFailureKind
  payload_ref: string
  previous_attempts: number
  reason: string
  now: number
}): FailureRecord {
  const attempts = input.previous_attempts + 1
  const exhausted = attempts >= MAX_FAILURE_ATTEMPTS
  return {
    attempts,
    status: exhausted ? "open" : "retrying",
    next_attempt_at: exhausted ? null : new Date(input.now + retryDelayMs(attempts)),
    message: `${SCHEDULED_FAILURES[input.kind](input.payload_ref)} failed${exhausted ? ` ${attempts} times; left for a person` : ""}: ${input.reason}`,
  }
}

/** What a failed manual retry adds to the exception's message. */
export function retryFailedMessage(message: string, outcome: string): string {
  return `${message} Last retry: ${outcome}`
}
