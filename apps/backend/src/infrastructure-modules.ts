/**
 * With several machines, nothing that matters may live in one process's memory: when a Redis
 * URL is given, the event bus, workflow engine, locking and cache all move to Redis (Medusa
 * wires these automatically only on its hosted cloud). Without one, Medusa's in-process
 * defaults serve a single machine.
 */
export function infrastructureModules(redisUrl: string | undefined) {
  if (!redisUrl) {
    return []
  }
  return [
    { resolve: "@medusajs/medusa/event-bus-redis", options: { redisUrl } },
    { resolve: "@medusajs/medusa/workflow-engine-redis", options: { redis: { redisUrl } } },
    {
      resolve: "@medusajs/medusa/locking",
      options: {
        providers: [
          {
            resolve: "@medusajs/medusa/locking-redis",
            id: "locking-redis",
            is_default: true,
            options: { redisUrl },
          },
        ],
      },
    },
    { resolve: "@medusajs/medusa/cache-redis", options: { redisUrl } },
  ]
}
