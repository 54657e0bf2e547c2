/**
 * How long the intake may spend storing a push before it answers 503. Shopee waits about 3 s for
 * an answer: a push that cannot be stored in time (the database down, its pool exhausted) must be
 * refused before then, so that Shopee counts a failure and sends it again, rather than time out
 * while knex waits up to a minute for a connection.
 */
export const PUSH_STORE_DEADLINE_MS = 2000

export type DeadlineOutcome<T> = { settled: true; value: T } | { settled: false }

/**
 * Races `work` against a timer. The work is not cancelled when the timer wins (a query in flight
 * cannot be), so its eventual failure is handed to `onLateFailure` instead of going unhandled.
 */
export async function withinDeadline<T>(
  work: Promise<T>,
  deadlineMs: number,
  onLateFailure: (error: unknown) => void
): Promise<DeadlineOutcome<T>> {
  let timer: NodeJS.Timeout | undefined
  let timedOut = false
  const deadline = new Promise<DeadlineOutcome<T>>((resolve) => {
    timer = setTimeout(() => {
      timedOut = true
      resolve({ settled: false })
    }, deadlineMs)
  })
  const settled = work.then(
    (value): DeadlineOutcome<T> => ({ settled: true, value }),
    (error: unknown): DeadlineOutcome<T> => {
      if (timedOut) {
        onLateFailure(error)
        return { settled: false }
      }
      throw error
    }
  )
  try {
    return await Promise.race([settled, deadline])
  } finally {
    clearTimeout(timer)
  }
}
