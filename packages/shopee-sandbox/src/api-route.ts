import type { Params } from "./api-params.js"
import type { Partner } from "./model.js"
import type { Sandbox } from "./sandbox.js"
import type { CallType } from "./sign.js"

/** Who made a verified Open Platform call. */
export interface ApiCaller {
  partner: Partner
  /** Set for shop calls. */
  shopId: number | null
  /** Set for merchant calls. */
  merchantId: number | null
}

export interface ApiContext {
  sandbox: Sandbox
  caller: ApiCaller
  /** GET: the query string; POST: the JSON body. */
  params: Params
  query: URLSearchParams
}

/**
 * What a handler answers. `response` goes under `response` in Shopee's envelope; `fields` are
 * merged at the top level, as Shopee's auth endpoints put access_token and friends there.
 * `error` fills the envelope's error and message beside a `response` (HTTP 200), as Shopee does
 * when a write partly succeeded.
 */
export type ApiResult =
  | { response?: unknown; warning?: string; fields?: Record<string, unknown>; error?: { error: string; message: string } }
  | { html: string }
  /** A file served as itself, not in the envelope (download_shipping_document's PDF). */
  | { file: { content_type: string; bytes: Buffer } }

export interface ApiRoute {
  method: "GET" | "POST"
  path: string
  call: CallType
  handle(ctx: ApiContext): ApiResult
}
