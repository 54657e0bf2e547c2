/**
 * A stored push still `pending` after this long was missed by its processing: its event reached
 * no subscriber (a worker killed, the database down when the event arrived, a push stored after
 * its 503), and nothing else would ever act on it. A push is processed within seconds, and a
 * Redis backlog drains within a minute at the worker's concurrency, so reconciliation takes these
 * up; processing one twice is harmless (see plan-push-handling.ts).
 */
export const STRANDED_AFTER_MS = 60_000

/** Stranded pushes one reconciliation processes, oldest first, so that a run stays bounded. */
export const STRANDED_PER_RUN = 100

/** Pushes stored before this instant and still pending are stranded. */
export function strandedBefore(now: Date): Date {
  return new Date(now.getTime() - STRANDED_AFTER_MS)
}
