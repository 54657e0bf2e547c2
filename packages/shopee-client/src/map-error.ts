import {
  ShopeeAuthError,
  ShopeeDailyLimitError,
  ShopeeError,
  type ShopeeErrorFields,
  ShopeeParamError,
  ShopeeRateLimitError,
  ShopeeServerError,
  ShopeeSignError,
} from "./errors.js"

type ErrorClass = new (fields: ShopeeErrorFields) => ShopeeError

// Shopee sometimes prefixes a code with its module (`common.error_auth`, `product.error_param`),
// so codes are matched on the part after the last dot.
const FAMILIES: Record<string, ErrorClass> = {
  error_auth: ShopeeAuthError,
  error_permission: ShopeeAuthError,
  invalid_access_token: ShopeeAuthError,
  // Shopee's own spelling, as it really arrives.
  invalid_acceess_token: ShopeeAuthError,
  invalid_code: ShopeeAuthError,
  invalid_refresh_token: ShopeeAuthError,
  refresh_token_expired: ShopeeAuthError,
  shop_no_linked: ShopeeAuthError,
  source_ip_undeclared: ShopeeAuthError,
  error_sign: ShopeeSignError,
  error_param: ShopeeParamError,
  // get_order_list's own code for a window wider than 15 days or reversed: a bad request, not retried.
  order_list_invalid_time: ShopeeParamError,
  error_rate_limit: ShopeeRateLimitError,
  error_limit: ShopeeDailyLimitError,
  error_server: ShopeeServerError,
  error_inner: ShopeeServerError,
  error_busy: ShopeeServerError,
  // "Inner http call failed": a failure inside Shopee, not on our side of the wire.
  error_network: ShopeeServerError,
}

/** Codes that mean "this access token is not (or no longer) good": worth one refresh. */
export const ACCESS_TOKEN_REJECTED_CODES: ReadonlySet<string> = new Set(["error_auth", "invalid_access_token", "invalid_acceess_token"])

export function errorCode(error: string): string {
  return error.slice(error.lastIndexOf(".") + 1)
}

/**
 * The typed error for an answer, or undefined when the answer is a success. The code in the
 * body decides; the HTTP status only decides when Shopee gave no code (a proxy, a gateway).
 */
export function errorFromAnswer(answer: {
  path: string
  status: number
  body: { request_id?: unknown; error?: unknown; message?: unknown; [field: string]: unknown } | undefined
}): ShopeeError | undefined {
  const { path, status, body } = answer
  const error = typeof body?.error === "string" ? body.error : ""
  const fields: ShopeeErrorFields = {
    path,
    status,
    request_id: typeof body?.request_id === "string" ? body.request_id : undefined,
    error,
    message: typeof body?.message === "string" && body.message !== "" ? body.message : `HTTP ${status}`,
    response: body?.response,
  }
  if (error !== "") {
    const Family = FAMILIES[errorCode(error)]
    if (Family) return new Family(fields)
    return status >= 500 ? new ShopeeServerError(fields) : new ShopeeError(fields)
  }
  if (status === 429) return new ShopeeRateLimitError(fields)
  if (status >= 500) return new ShopeeServerError(fields)
  if (status < 200 || status >= 300) return new ShopeeError(fields)
  if (body === undefined) return new ShopeeServerError({ ...fields, message: "Shopee answered with a body that is not JSON" })
  return undefined
}

/** True for an auth error that says the access token itself is bad (not a missing permission). */
export function isAccessTokenRejected(error: unknown): error is ShopeeAuthError {
  return error instanceof ShopeeAuthError && ACCESS_TOKEN_REJECTED_CODES.has(errorCode(error.error))
}
