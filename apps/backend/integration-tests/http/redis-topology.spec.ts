import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import Redis from "ioredis"

// medusa-config.ts reads REDIS_URL when it is loaded, before the runner applies its `env`.
process.env.REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379"

jest.setTimeout(120 * 1000)

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    describe("with REDIS_URL set", () => {
      it("moves the event bus, workflow engine, locking and cache to Redis", async () => {
        const container = getContainer()
        expect(container.resolve(Modules.EVENT_BUS).constructor.name).toEqual("RedisEventBusService")
        // Both workflow engines name their service alike; only the Redis one talks to Redis.
        const workflowEngine = container.resolve(Modules.WORKFLOW_ENGINE) as unknown as {
          workflowOrchestratorService_: { redisPublisher?: { status: string } }
        }
        expect(workflowEngine.workflowOrchestratorService_.redisPublisher?.status).toEqual("ready")
        expect(container.resolve(Modules.CACHE).constructor.name).toEqual("RedisCacheService")

        // A lock taken here is visible in Redis, where another instance would see it too.
        const locking = container.resolve(Modules.LOCKING)
        const redis = new Redis(process.env.REDIS_URL!)
        try {
          await locking.acquire("redis-topology-test", { ownerId: "test", expire: 30 })
          expect(await redis.keys("*redis-topology-test*")).toHaveLength(1)
          await locking.release("redis-topology-test", { ownerId: "test" })
          expect(await redis.keys("*redis-topology-test*")).toHaveLength(0)
        } finally {
          redis.disconnect()
        }

        expect((await api.get("/health")).status).toEqual(200)
      })
    })
  },
})
