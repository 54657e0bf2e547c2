// autocannon ships no types and @types/autocannon is not installed: the part the benchmarks use.
declare module "autocannon" {
  import type { EventEmitter } from "node:events"

  type RequestParams = { method: string; path: string; headers: Record<string, string>; body?: string | Buffer }

  export type Options = {
    url: string
    connections?: number
    pipelining?: number
    /** Seconds; ignored when `amount` is set. */
    duration?: number
    /** Total requests: the run ends once every one of them has been answered. */
    amount?: number
    /** Seconds before a request counts as timed out. */
    timeout?: number
    requests?: {
      method?: string
      path?: string
      headers?: Record<string, string>
      /** Called before each request is sent; what it returns is sent. */
      setupRequest?: (request: RequestParams, context: Record<string, unknown>) => RequestParams
    }[]
  }

  type Percentiles = { average: number; mean: number; min: number; max: number; p50: number; p90: number; p97_5: number; p99: number }

  export type Result = {
    duration: number
    errors: number
    timeouts: number
    non2xx: number
    "2xx": number
    statusCodeStats: Record<string, { count: number }>
    latency: Percentiles & { totalCount: number }
    requests: Percentiles & { total: number; sent: number }
  }

  export type Instance = EventEmitter & { stop(): void }

  function autocannon(options: Options, callback: (error: Error | null, result: Result) => void): Instance
  export default autocannon
}
