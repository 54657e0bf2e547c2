import type { Scenario } from "../scenario"
import { runOrderTraffic } from "./order-traffic"

/**
 * Orders moved through five statuses in bursts, with 20 % of the simulator's API calls failing and
 * pushes duplicated and reordered: every acknowledged push stored, every order imported once in
 * Shopee's final status.
 */
export const orderBurst: Scenario = (stack) => runOrderTraffic(stack, { name: `order-burst`, orders: stack.orders })
