/**
 * Runs `job` for every item with at most `limit` running at once, in the items' order, and
 * resolves when all have settled. A job's rejection is its own business: callers catch inside
 * `job` (one order failing does not stop the others), so the first rejection is rethrown only
 * after every job has settled.
 */
export async function eachAtMost<T>(items: T[], limit: number, job: (item: T) => Promise<void>): Promise<void> {
  if (!Number.isInteger(limit) || limit < 1) throw new Error(`eachAtMost needs a limit of 1 or more; got ${limit}`)
  let next = 0
  const failures: unknown[] = []
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++]
      await job(item).catch((error: unknown) => void failures.push(error))
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  if (failures.length > 0) throw failures[0]
}
