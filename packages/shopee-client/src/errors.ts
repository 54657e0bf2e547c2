/**
 * Every failure of a Shopee call is a ShopeeError. The fields mirror Shopee's envelope
 * (`request_id`, `error`, `message`) plus where it happened (`path`, HTTP `status`). None of
 * them ever holds the partner key, a token or a sign: messages are redacted before they get
 * here, and the request URL (whose query carries the token and sign) is never kept.
 */
export interface ShopeeErrorFields {
  /** The API path, `/api/v2/...`, without the query string. */
  path: string
  /** HTTP status, when an answer arrived. */
  status?: number
  request_id?: string
  /** Shopee's error code (`error_param`, `invalid_acceess_token`...), "" when Shopee gave none. */
  error?: string
  message: string
  /**
   * The envelope's `response` when Shopee sent one beside the error: some writes (update_stock)
   * answer an error together with what did succeed, and that must not be lost.
   */
  response?: unknown
}

export class ShopeeError extends Error {
  readonly path: string
  readonly status: number | undefined
  readonly request_id: string | undefined
  readonly error: string
  /** See ShopeeErrorFields.response. Not enumerable: logging an error must not print Shopee's whole answer. */
  declare readonly response: unknown

  constructor(fields: ShopeeErrorFields) {
    super(fields.message)
    this.name = new.target.name
    this.path = fields.path
    this.status = fields.status
    this.request_id = fields.request_id
    this.error = fields.error ?? ""
    Object.defineProperty(this, "response", { value: fields.response, enumerable: false })
  }
}

/** The access token, code or refresh token is invalid or expired, or the shop is not authorized. */
export class ShopeeAuthError extends ShopeeError {}
/** Shopee rejected the signature: a wrong partner key, partner id or clock. */
export class ShopeeSignError extends ShopeeError {}
/** A parameter Shopee rejected (also "Timestamp is expired"). */
export class ShopeeParamError extends ShopeeError {}
/** `error_rate_limit`: back off and retry. */
export class ShopeeRateLimitError extends ShopeeError {}
/** `error_limit`: the daily quota is spent; it resets at 00:00 UTC+8, so retrying now is pointless. */
export class ShopeeDailyLimitError extends ShopeeError {}
/** Shopee failed (HTTP 5xx or `error_server`-like codes). */
export class ShopeeServerError extends ShopeeError {}
/** No answer: connection refused or reset, DNS, TLS, an unreadable body. */
export class ShopeeNetworkError extends ShopeeError {}
/** No answer within the configured timeout; the request may or may not have been processed. */
export class ShopeeTimeoutError extends ShopeeError {}

export function isShopeeError(error: unknown): error is ShopeeError {
  return error instanceof ShopeeError
}

export function isAuthError(error: unknown): error is ShopeeAuthError {
  return error instanceof ShopeeAuthError
}

/** Failures where the same request may succeed later; only safe requests are ever retried. */
export function isTransientError(error: unknown): boolean {
  return (
    error instanceof ShopeeRateLimitError ||
    error instanceof ShopeeServerError ||
    error instanceof ShopeeNetworkError ||
    error instanceof ShopeeTimeoutError
  )
}
