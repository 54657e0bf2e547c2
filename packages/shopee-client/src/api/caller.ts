import type { QueryValue, ShopeeEnvelope } from "../http.js"

/** How an API module reaches Shopee: signing, tokens and retries are the caller's business. */
export interface Caller {
  get(path: string, query?: Record<string, QueryValue>): Promise<ShopeeEnvelope>
  post(path: string, body: Record<string, unknown>, options?: { idempotent?: boolean }): Promise<ShopeeEnvelope>
}

/** The `response` object of an envelope; Shopee omits it on some successful writes. */
export function responseOf<T>(envelope: ShopeeEnvelope): T {
  return (envelope.response ?? {}) as T
}
