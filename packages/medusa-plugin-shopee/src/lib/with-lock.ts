import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import type { WithLock } from "../modules/shopee/service"

/** The last job queued per key in this process; removed once the queue for that key drains. */
const queues = new Map<string, Promise<void>>()

/**
 * A lock through Medusa's locking module, which excludes other instances when a Redis or
 * PostgreSQL provider is configured. Token refreshes and order imports run under it: Shopee's
 * refresh token is single-use, and an order must be created once.
 *
 * Callers for the same key in this process wait here, in memory, and only one of them at a time
 * asks the locking module. The PostgreSQL provider holds a pool connection (an open transaction)
 * for every waiter blocked on an advisory lock, so ten pushes for one order arriving at once
 * took every connection of the pool, and the holder of the lock could then never get one to do
 * its work: nothing finished until the waits timed out.
 */
export function lockFor(container: MedusaContainer): WithLock {
  const locking = container.resolve(Modules.LOCKING)
  return (key, job) => oneAtATimeInProcess(key, () => locking.execute(key, job, { timeout: 30 }))
}

async function oneAtATimeInProcess<T>(key: string, job: () => Promise<T>): Promise<T> {
  const previous = queues.get(key) ?? Promise.resolve()
  let done!: () => void
  const mine = new Promise<void>((resolve) => (done = resolve))
  const tail = previous.then(() => mine)
  queues.set(key, tail)
  await previous
  try {
    return await job()
  } finally {
    done()
    if (queues.get(key) === tail) queues.delete(key)
  }
}
