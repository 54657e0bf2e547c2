import { ShopeeNetworkError, ShopeeTimeoutError } from "./errors.js"
import { errorFromAnswer } from "./map-error.js"
import { redact } from "./redact.js"
import { type RetryEvent, type RetryPolicy, withRetries } from "./retry.js"
import { sign, type SignTarget } from "./sign.js"

export type QueryValue = string | number | boolean | readonly (string | number)[] | undefined

export interface ApiRequest {
  method: "GET" | "POST"
  /** `/api/v2/...` */
  path: string
  target: SignTarget
  /** GET parameters; an array becomes repeated keys (`item_status=NORMAL&item_status=UNLIST`). */
  query?: Record<string, QueryValue>
  /** POST parameters, sent as JSON. */
  body?: Record<string, unknown>
  /**
   * Whether sending the request twice does no more than sending it once. Defaults to true for
   * GET and false for POST; only idempotent requests are retried.
   */
  idempotent?: boolean
}

/** A file Shopee answers with instead of an envelope (download_shipping_document's PDF). */
export interface ShopeeFile {
  content_type: string
  bytes: Uint8Array
}

/** Answers that are the file itself: a 200 with one of these types carries no envelope. */
const FILE_CONTENT_TYPE = /^(application\/(pdf|octet-stream|zip)|image\/)/i

/**
 * Shopee's envelope; `error` is "" on success. Auth calls put their fields at the top level. A
 * download answers the file itself, which arrives here as `file` in an otherwise empty envelope.
 */
export interface ShopeeEnvelope {
  file?: ShopeeFile
  request_id?: string
  error?: string
  message?: string
  warning?: string | string[]
  response?: unknown
  [field: string]: unknown
}

export interface TransportOptions {
  partnerId: number
  partnerKey: string
  baseUrl: string
  timeoutMs: number
  retry: RetryPolicy
  fetch: typeof globalThis.fetch
  /** Milliseconds since the epoch; the signature timestamp comes from it. */
  now: () => number
  sleep: (ms: number) => Promise<void>
  random: () => number
  onRetry?: (event: RetryEvent) => void
}

/** Signs, sends, times out, maps errors and retries what is safe to retry. */
export class Transport {
  readonly #options: TransportOptions

  constructor(options: TransportOptions) {
    this.#options = options
  }

  async send(request: ApiRequest): Promise<ShopeeEnvelope> {
    const { retry, sleep, random, onRetry } = this.#options
    return withRetries(() => this.sendOnce(request), {
      path: request.path,
      idempotent: request.idempotent ?? request.method === "GET",
      policy: retry,
      sleep,
      random,
      onRetry,
    })
  }

  private async sendOnce(request: ApiRequest): Promise<ShopeeEnvelope> {
    const { partnerId, partnerKey, baseUrl, timeoutMs } = this.#options
    // Signed per attempt: a retry after a backoff needs a fresh timestamp.
    const timestamp = Math.floor(this.#options.now() / 1000)
    const signature = sign({ partnerId, partnerKey, path: request.path, timestamp }, request.target)
    const secrets = secretsOf(partnerKey, signature, request)

    const url = new URL(baseUrl + request.path)
    url.searchParams.set("partner_id", String(partnerId))
    url.searchParams.set("timestamp", String(timestamp))
    if (request.target.type === "shop") {
      url.searchParams.set("access_token", request.target.accessToken)
      url.searchParams.set("shop_id", String(request.target.shopId))
    } else if (request.target.type === "merchant") {
      url.searchParams.set("access_token", request.target.accessToken)
      url.searchParams.set("merchant_id", String(request.target.merchantId))
    }
    url.searchParams.set("sign", signature)
    if (request.method === "GET") appendQuery(url, request.query ?? {})

    const controller = new AbortController()
    const timer = setTimeout(() => controller.abort(), timeoutMs)
    let status: number
    let bytes: Uint8Array
    let contentType: string
    try {
      const response = await this.#options.fetch(url, {
        method: request.method,
        headers: request.method === "POST" ? { "content-type": "application/json" } : {},
        body: request.method === "POST" ? JSON.stringify(request.body ?? {}) : undefined,
        signal: controller.signal,
      })
      status = response.status
      // Inside the timeout: a server that sends headers and then stalls is a timeout too.
      bytes = new Uint8Array(await response.arrayBuffer())
      contentType = response.headers.get("content-type") ?? ""
    } catch (cause) {
      if (controller.signal.aborted) {
        throw new ShopeeTimeoutError({ path: request.path, message: `No answer within ${timeoutMs} ms` })
      }
      throw new ShopeeNetworkError({ path: request.path, message: redact(describeNetworkFailure(cause), secrets) })
    } finally {
      clearTimeout(timer)
    }

    if (status === 200 && FILE_CONTENT_TYPE.test(contentType)) return { file: { content_type: contentType, bytes } }
    const body = parseJson(new TextDecoder().decode(bytes))
    // Shopee's message could quote what it was sent; it becomes an error message, so redact first.
    if (body && typeof body.message === "string") body.message = redact(body.message, secrets)
    const error = errorFromAnswer({ path: request.path, status, body })
    if (error) throw error
    return body as ShopeeEnvelope
  }
}

function appendQuery(url: URL, query: Record<string, QueryValue>): void {
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue
    if (Array.isArray(value)) for (const item of value) url.searchParams.append(key, String(item))
    else url.searchParams.set(key, String(value))
  }
}

function parseJson(text: string): ShopeeEnvelope | undefined {
  try {
    const value: unknown = JSON.parse(text)
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as ShopeeEnvelope) : undefined
  } catch {
    return undefined
  }
}

// The cause is not attached to the error: a failed fetch can quote the full URL, and with it
// the access token and sign. Its message and code are kept, redacted.
function describeNetworkFailure(cause: unknown): string {
  // Read as plain fields: fetch's errors may come from another realm (a test runner's), failing instanceof.
  const { message, code, cause: inner } = asRecord(cause)
  if (typeof message !== "string") return "Network failure"
  const innerCode = asRecord(inner).code
  const reason = typeof innerCode === "string" ? innerCode : typeof code === "string" ? code : undefined
  return reason ? `${message} (${reason})` : message
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {}
}

function secretsOf(partnerKey: string, signature: string, request: ApiRequest): (string | undefined)[] {
  const accessToken = request.target.type === "public" ? undefined : request.target.accessToken
  const body = request.body ?? {}
  const fromBody = ["refresh_token", "code", "access_token"].map((field) =>
    typeof body[field] === "string" ? (body[field] as string) : undefined
  )
  return [partnerKey, signature, accessToken, ...fromBody]
}
