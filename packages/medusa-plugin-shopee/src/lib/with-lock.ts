import { AsyncLocalStorage } from "node:async_hooks"
import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import type { WithLock } from "../modules/shopee/service"

/**
 * How many locked jobs this process runs at once, not counting locks taken inside one of them.
 * The PostgreSQL locking provider holds a pool connection (an open transaction) for as long as a
 * lock is held or awaited, and the job under the lock needs connections of its own: with a
 * connection held per order, a burst of orders took Medusa's whole pool (10 by default) and no
 * job could finish. Three holders leave most of the pool to the work, even when a job takes a
 * lock inside its own (a token refresh inside an import inside a reconciliation).
 */
export const MAX_LOCKED_JOBS = 3

const insideLockedJob = new AsyncLocalStorage<true>()
/** The last caller queued per key in this process; removed once that key's queue drains. */
const keyQueues = new Map<string, Promise<void>>()
const slots = { free: MAX_LOCKED_JOBS, waiting: [] as (() => void)[] }

/**
 * A lock through Medusa's locking module, which excludes other processes when a Redis or
 * PostgreSQL provider is configured. Token refreshes and order imports run under it: Shopee's
 * refresh token is single-use, and an order must be created once.
 *
 * In this process, callers for one key wait in memory and only one at a time asks the locking
 * module (a waiter blocked in PostgreSQL would hold a connection), and at most MAX_LOCKED_JOBS
 * outermost locked jobs run at once.
 */
export function lockFor(container: MedusaContainer): WithLock {
  const locking = container.resolve(Modules.LOCKING)
  return (key, job) =>
    oneAtATimePerKey(key, () => {
      const locked = () => locking.execute(key, () => insideLockedJob.run(true, job), { timeout: 30 })
      return insideLockedJob.getStore() ? locked() : inFreeSlot(locked)
    })
}

async function oneAtATimePerKey<T>(key: string, job: () => Promise<T>): Promise<T> {
  const previous = keyQueues.get(key) ?? Promise.resolve()
  let done!: () => void
  const mine = new Promise<void>((resolve) => (done = resolve))
  const tail = previous.then(() => mine)
  keyQueues.set(key, tail)
  await previous
  try {
    return await job()
  } finally {
    done()
    if (keyQueues.get(key) === tail) keyQueues.delete(key)
  }
}

async function inFreeSlot<T>(job: () => Promise<T>): Promise<T> {
  if (slots.free > 0) {
    slots.free -= 1
  } else {
    // A released slot passes straight to the next waiter, so the count never goes over.
    await new Promise<void>((resolve) => slots.waiting.push(resolve))
  }
  try {
    return await job()
  } finally {
    const next = slots.waiting.shift()
    if (next) next()
    else slots.free += 1
  }
}
