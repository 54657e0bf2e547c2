import type { Scenario } from "../scenario"
import { runOrderTraffic } from "./order-traffic"

/**
 * The order burst with the Medusa worker (subscribers, workflows, jobs) killed with SIGKILL halfway
 * through the status moves, when it is processing pushes, and started again: the same end state,
 * so nothing the worker was doing when it died is lost or done twice.
 */
export const workerKill: Scenario = (stack) =>
  runOrderTraffic(stack, {
    name: "worker-kill",
    orders: stack.orders,
    midway: async () => {
      const killedAt = Date.now()
      await stack.worker.kill()
      await stack.worker.start()
      return { worker_down_s: Math.round((Date.now() - killedAt) / 1000) }
    },
  })
