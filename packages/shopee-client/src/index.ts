export { ShopeeClient, ShopeeShop, DEFAULT_TIMEOUT_MS } from "./client.js"
export type { ShopeeClientOptions, Credentials } from "./client.js"

export { SHOPEE_HOSTS, resolveBaseUrl } from "./hosts.js"
export type { BaseUrlOptions } from "./hosts.js"

export { sign, signBaseString, signPublic, signShop, signMerchant } from "./sign.js"
export type { SignInput, SignTarget } from "./sign.js"
export { buildAuthorizationUrl, AUTH_PARTNER_PATH } from "./authorization-url.js"
export type { AuthorizationUrlInput } from "./authorization-url.js"
export { verifyPush } from "./verify-push.js"
export type { VerifyPushInput } from "./verify-push.js"

export {
  ShopeeError,
  ShopeeAuthError,
  ShopeeSignError,
  ShopeeParamError,
  ShopeeRateLimitError,
  ShopeeDailyLimitError,
  ShopeeServerError,
  ShopeeNetworkError,
  ShopeeTimeoutError,
  isShopeeError,
  isAuthError,
  isTransientError,
} from "./errors.js"
export type { ShopeeErrorFields } from "./errors.js"
export { errorCode, isAccessTokenRejected } from "./map-error.js"

export { DEFAULT_RETRY_POLICY, backoffDelay } from "./retry.js"
export type { RetryPolicy, RetryEvent } from "./retry.js"
export type { ApiRequest, QueryValue, ShopeeEnvelope, ShopeeFile } from "./http.js"
export type { Caller } from "./api/caller.js"

export { TokenSource, DEFAULT_REFRESH_MARGIN_MS } from "./token-source.js"
export type { TokenStore, TokenSourceOptions } from "./token-source.js"
export { tokensFromResponse } from "./tokens.js"
export type { ShopeeTokens, TokenOwner, AccessTokenProvider } from "./tokens.js"

export { splitTimeRange, MAX_ORDER_LIST_WINDOW_SECONDS } from "./time-windows.js"
export type { TimeWindow } from "./time-windows.js"

export {
  ORDER_STATUSES,
  PUSH_CODES,
  pushCodeName,
  SHOPEE_REGIONS,
  SHIPPING_MODES,
  RECOMMENDED_PICKUP_SLOT_FLAG,
  SHIPPING_DOCUMENT_TYPES,
  SHIPPING_DOCUMENT_STATUSES,
  logisticsRefusalOf,
} from "./vocabulary.js"
export type {
  OrderStatus,
  PushCode,
  ShopeeRegion,
  ShippingMode,
  LogisticsRefusal,
  ShippingDocumentType,
  ShippingDocumentStatus,
} from "./vocabulary.js"

export * from "./api/auth.js"
export * from "./api/orders.js"
export * from "./api/products.js"
export * from "./api/logistics.js"
export * from "./api/push.js"
