/** Shopee's documented lifetimes, in milliseconds. */
export const AUTH_CODE_TTL_MS = 10 * 60 * 1000
export const ACCESS_TOKEN_TTL_MS = 4 * 60 * 60 * 1000
export const REFRESH_TOKEN_TTL_MS = 30 * 24 * 60 * 60 * 1000
/** After a refresh the previous access token keeps working this long. */
export const OLD_ACCESS_TOKEN_GRACE_MS = 5 * 60 * 1000
export const AUTHORIZATION_TTL_MS = 365 * 24 * 60 * 60 * 1000
/** A request's `timestamp` may differ from Shopee's clock by at most this. */
export const TIMESTAMP_WINDOW_SECONDS = 5 * 60
/** get_lost_push_message only returns pushes lost within this age. */
export const LOST_PUSH_MAX_AGE_MS = 3 * 24 * 60 * 60 * 1000
/** Shopee's integrators report a 3 s push timeout and retries after 5 min, 30 min and 3 h. */
export const PUSH_TIMEOUT_MS = 3000
export const SHOPEE_PUSH_SCHEDULE_MS = [5 * 60 * 1000, 30 * 60 * 1000, 3 * 60 * 60 * 1000]
