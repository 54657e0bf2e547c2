/**
 * With several machines, nothing that matters may live in one process's memory: when a Redis
 * URL is given, the event bus, workflow engine, locking and cache all move to Redis (Medusa
 * wires these automatically only on its hosted cloud). Without one, locks still go through
 * PostgreSQL: a server and a worker, or two servers, on one database then exclude each other
 * (a Shopee refresh token is single-use, so two processes refreshing one shop at once would
 * lose it). Everything else keeps Medusa's in-process defaults, which serve one machine.
 */
/**
 * Events a worker process handles at once from the Redis event bus. BullMQ's default is one: a
 * worker then processed Shopee's pushes one after another, each waiting on Shopee's API, and in the
 * fault suite most of a burst's pushes were still queued when reconciliation had already brought
 * the orders to their final status. The plugin's own limit on locked jobs (three at once per
 * process, see lib/with-lock.ts) still protects the database pool.
 */
export const EVENT_WORKER_CONCURRENCY = 8

export function infrastructureModules(redisUrl: string | undefined) {
  if (!redisUrl) {
    return [lockingWith({ resolve: "@medusajs/medusa/locking-postgres", id: "locking-postgres" })]
  }
  return [
    { resolve: "@medusajs/medusa/event-bus-redis", options: { redisUrl, workerOptions: { concurrency: EVENT_WORKER_CONCURRENCY } } },
    { resolve: "@medusajs/medusa/workflow-engine-redis", options: { redis: { redisUrl } } },
    lockingWith({ resolve: "@medusajs/medusa/locking-redis", id: "locking-redis", options: { redisUrl } }),
    { resolve: "@medusajs/medusa/cache-redis", options: { redisUrl } },
  ]
}

function lockingWith(provider: { resolve: string; id: string; options?: Record<string, unknown> }) {
  return {
    resolve: "@medusajs/medusa/locking",
    options: { providers: [{ ...provider, is_default: true }] },
  }
}
