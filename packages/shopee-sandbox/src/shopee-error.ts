/** An error answered in Shopee's envelope: `{request_id, error, message}` with an HTTP status. */
export class ShopeeError extends Error {
  constructor(
    readonly error: string,
    message: string,
    readonly httpStatus: number
  ) {
    super(message)
  }
}

export function paramError(message: string): ShopeeError {
  return new ShopeeError("error_param", message, 400)
}

export function wrongParameter(detail: string): ShopeeError {
  return paramError(`Wrong parameters, detail: ${detail}.`)
}

export function notFoundError(message: string): ShopeeError {
  return new ShopeeError("error_not_found", message, 404)
}

export function authError(message: string): ShopeeError {
  return new ShopeeError("error_auth", message, 403)
}

/** An authorization code that is unknown, already used, expired, or for another shop. */
export function invalidCode(): ShopeeError {
  return new ShopeeError("invalid_code", "Invalid code", 403)
}

/** Shopee's own misspelling, kept because clients match on it. */
export function invalidAccessToken(): ShopeeError {
  return new ShopeeError("invalid_acceess_token", "Invalid access_token.", 403)
}
