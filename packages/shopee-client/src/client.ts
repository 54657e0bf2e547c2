import { AuthApi } from "./api/auth.js"
import type { Caller } from "./api/caller.js"
import { LogisticsApi } from "./api/logistics.js"
import { OrdersApi } from "./api/orders.js"
import { ProductsApi } from "./api/products.js"
import { PushApi } from "./api/push.js"
import { buildAuthorizationUrl } from "./authorization-url.js"
import { type BaseUrlOptions, resolveBaseUrl } from "./hosts.js"
import { type ApiRequest, type QueryValue, type ShopeeEnvelope, Transport } from "./http.js"
import { isAccessTokenRejected } from "./map-error.js"
import { DEFAULT_RETRY_POLICY, type RetryEvent, type RetryPolicy } from "./retry.js"
import type { SignTarget } from "./sign.js"
import type { AccessTokenProvider, TokenOwner } from "./tokens.js"

export interface ShopeeClientOptions extends BaseUrlOptions {
  partnerId: number
  partnerKey: string
  /** Per attempt, covering the whole answer. Default 15 s. */
  timeoutMs?: number
  retry?: Partial<RetryPolicy>
  /** For tests and instrumentation; defaults to the global fetch of Node 20. */
  fetch?: typeof globalThis.fetch
  /** Milliseconds since the epoch. */
  now?: () => number
  sleep?: (ms: number) => Promise<void>
  /** A number in [0, 1), for backoff jitter. */
  random?: () => number
  /** Called before each backoff, e.g. to log it. */
  onRetry?: (event: RetryEvent) => void
}

export const DEFAULT_TIMEOUT_MS = 15_000

/** A fixed access token, or a provider (TokenSource) that refreshes it. */
export type Credentials = { accessToken: string } | { tokens: AccessTokenProvider }

/**
 * The entry point. Holds the partner key in a private field, so that logging the client
 * (or a shop) never prints it.
 */
export class ShopeeClient {
  readonly baseUrl: string
  readonly partnerId: number
  /** token/get and access_token/get. */
  readonly auth: AuthApi
  /** Lost pushes: partner-level calls. */
  readonly push: PushApi
  readonly #partnerKey: string
  readonly #now: () => number
  readonly #transport: Transport

  constructor(options: ShopeeClientOptions) {
    if (!Number.isSafeInteger(options.partnerId) || options.partnerId <= 0) {
      throw new TypeError("partnerId must be a positive integer")
    }
    if (typeof options.partnerKey !== "string" || options.partnerKey === "") throw new TypeError("partnerKey is required")
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
    if (!(timeoutMs > 0)) throw new TypeError("timeoutMs must be positive")
    this.baseUrl = resolveBaseUrl(options)
    this.partnerId = options.partnerId
    this.#partnerKey = options.partnerKey
    this.#now = options.now ?? Date.now
    this.#transport = new Transport({
      partnerId: options.partnerId,
      partnerKey: options.partnerKey,
      baseUrl: this.baseUrl,
      timeoutMs,
      retry: { ...DEFAULT_RETRY_POLICY, ...options.retry },
      fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
      now: this.#now,
      sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
      random: options.random ?? Math.random,
      onRetry: options.onRetry,
    })
    const publicCaller = new TargetCaller((request) => this.#transport.send(request), { type: "public" })
    this.auth = new AuthApi(publicCaller, this.partnerId)
    this.push = new PushApi(publicCaller)
  }

  /** The link a seller opens to authorize this app; valid 5 minutes from now. */
  buildAuthorizationUrl(options: { redirect: string }): string {
    return buildAuthorizationUrl({
      baseUrl: this.baseUrl,
      partnerId: this.partnerId,
      partnerKey: this.#partnerKey,
      redirect: options.redirect,
      timestamp: Math.floor(this.#now() / 1000),
    })
  }

  /** Calls on behalf of one shop. */
  shop(options: { shopId: number } & Credentials): ShopeeShop {
    return new ShopeeShop((request) => this.#transport.send(request), options)
  }

  /** Calls on behalf of a merchant (main account), signed as merchant calls; no typed wrappers yet. */
  merchant(options: { merchantId: number } & Credentials): Caller {
    return new OwnerCaller((request) => this.#transport.send(request), { merchantId: options.merchantId }, options)
  }

  /** Any public (partner-level) call, for APIs this package does not wrap. */
  request(request: Omit<ApiRequest, "target">): Promise<ShopeeEnvelope> {
    return this.#transport.send({ ...request, target: { type: "public" } })
  }
}

type Send = (request: ApiRequest) => Promise<ShopeeEnvelope>

class TargetCaller implements Caller {
  readonly #send: Send
  readonly #target: SignTarget
  constructor(send: Send, target: SignTarget) {
    this.#send = send
    this.#target = target
  }
  get(path: string, query?: Record<string, QueryValue>): Promise<ShopeeEnvelope> {
    return this.#send({ method: "GET", path, query, target: this.#target })
  }
  post(path: string, body: Record<string, unknown>, options: { idempotent?: boolean } = {}): Promise<ShopeeEnvelope> {
    return this.#send({ method: "POST", path, body, target: this.#target, idempotent: options.idempotent })
  }
}

/**
 * Signs with the owner's access token. With a token provider, a call whose token Shopee
 * rejects is sent once more with a refreshed token; a second rejection surfaces. Resending is
 * safe even for writes: a rejected token means Shopee did nothing.
 */
class OwnerCaller implements Caller {
  readonly #send: Send
  readonly #owner: TokenOwner
  readonly #credentials: Credentials

  constructor(send: Send, owner: TokenOwner, credentials: Credentials) {
    this.#send = send
    this.#owner = owner
    this.#credentials = "tokens" in credentials ? { tokens: credentials.tokens } : { accessToken: credentials.accessToken }
  }

  get(path: string, query?: Record<string, QueryValue>): Promise<ShopeeEnvelope> {
    return this.#call({ method: "GET", path, query })
  }

  post(path: string, body: Record<string, unknown>, options: { idempotent?: boolean } = {}): Promise<ShopeeEnvelope> {
    return this.#call({ method: "POST", path, body, idempotent: options.idempotent })
  }

  async #call(request: Omit<ApiRequest, "target">): Promise<ShopeeEnvelope> {
    const credentials = this.#credentials
    if ("accessToken" in credentials) return this.#send({ ...request, target: this.#target(credentials.accessToken) })
    const token = await credentials.tokens.getAccessToken(this.#owner)
    try {
      return await this.#send({ ...request, target: this.#target(token) })
    } catch (error) {
      if (!isAccessTokenRejected(error)) throw error
      const fresh = await credentials.tokens.refreshAfterRejection(this.#owner, token)
      return this.#send({ ...request, target: this.#target(fresh) })
    }
  }

  #target(accessToken: string): SignTarget {
    return "shopId" in this.#owner
      ? { type: "shop", accessToken, shopId: this.#owner.shopId }
      : { type: "merchant", accessToken, merchantId: this.#owner.merchantId }
  }
}

/** One shop's typed calls, plus `get`/`post` for anything not wrapped. */
export class ShopeeShop extends OwnerCaller {
  readonly shopId: number
  readonly orders: OrdersApi
  readonly products: ProductsApi
  readonly logistics: LogisticsApi

  constructor(send: Send, options: { shopId: number } & Credentials) {
    if (!Number.isSafeInteger(options.shopId) || options.shopId <= 0) throw new TypeError("shopId must be a positive integer")
    super(send, { shopId: options.shopId }, options)
    this.shopId = options.shopId
    this.orders = new OrdersApi(this)
    this.products = new ProductsApi(this)
    this.logistics = new LogisticsApi(this)
  }
}
