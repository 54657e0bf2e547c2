import { ACCESS_TOKEN_GET_PATH, type RefreshAccessTokenRequest, type RefreshAccessTokenResponse } from "./api/auth.js"
import { ShopeeAuthError } from "./errors.js"
import { type AccessTokenProvider, type ShopeeTokens, type TokenOwner, tokensFromResponse } from "./tokens.js"

/**
 * Where tokens live between processes (the plugin: encrypted rows in Postgres). `withLock`,
 * when given, must exclude every other process holding the same key (an advisory lock, a
 * Redis lock); without it, refreshes are single-flight only within this process.
 */
export interface TokenStore {
  load(shopKey: string): Promise<ShopeeTokens | null | undefined>
  save(shopKey: string, tokens: ShopeeTokens): Promise<void>
  withLock?<T>(shopKey: string, fn: () => Promise<T>): Promise<T>
}

export interface TokenSourceOptions {
  /** Usually `client.auth`. */
  auth: { refreshAccessToken(request: RefreshAccessTokenRequest): Promise<RefreshAccessTokenResponse> }
  store: TokenStore
  /** Refresh when the access token has less than this left. Default 5 minutes. */
  refreshMarginMs?: number
  /** The store key of a shop or merchant. Default `shop:<id>` / `merchant:<id>`. */
  keyOf?: (owner: TokenOwner) => string
  now?: () => number
}

export const DEFAULT_REFRESH_MARGIN_MS = 5 * 60 * 1000

/**
 * Hands out access tokens and refreshes them at most once at a time per shop. Shopee's refresh
 * token is single-use: two refreshes racing with the same one lose the shop. So every refresh
 * of a key shares one promise in this process, runs inside the store's lock across processes,
 * re-reads the store inside that lock (another process may have refreshed already), and saves
 * the new pair before anyone waiting on it gets the new access token.
 */
export class TokenSource implements AccessTokenProvider {
  readonly #auth: TokenSourceOptions["auth"]
  readonly #store: TokenStore
  readonly #marginMs: number
  readonly #keyOf: (owner: TokenOwner) => string
  readonly #now: () => number
  readonly #inFlight = new Map<string, Promise<ShopeeTokens>>()

  constructor(options: TokenSourceOptions) {
    this.#auth = options.auth
    this.#store = options.store
    this.#marginMs = options.refreshMarginMs ?? DEFAULT_REFRESH_MARGIN_MS
    this.#keyOf = options.keyOf ?? defaultKeyOf
    this.#now = options.now ?? Date.now
  }

  /** A token valid for at least the margin (or `minValidityMs`, for a scheduled job looking further ahead). */
  async getAccessToken(owner: TokenOwner, options: { minValidityMs?: number } = {}): Promise<string> {
    const key = this.#keyOf(owner)
    const tokens = await this.#load(key)
    if (this.#isFresh(tokens, options.minValidityMs)) return tokens.accessToken
    return (await this.#refresh(owner, key, tokens.accessToken, options.minValidityMs)).accessToken
  }

  async refreshAfterRejection(owner: TokenOwner, rejectedAccessToken: string): Promise<string> {
    const key = this.#keyOf(owner)
    return (await this.#refresh(owner, key, rejectedAccessToken)).accessToken
  }

  #refresh(owner: TokenOwner, key: string, staleAccessToken: string, minValidityMs?: number): Promise<ShopeeTokens> {
    const running = this.#inFlight.get(key)
    if (running) return running
    const run = async (): Promise<ShopeeTokens> => {
      const current = await this.#load(key)
      if (current.accessToken !== staleAccessToken && this.#isFresh(current, minValidityMs)) return current
      const response = await this.#auth.refreshAccessToken(
        "shopId" in owner
          ? { refresh_token: current.refreshToken, shop_id: owner.shopId }
          : { refresh_token: current.refreshToken, merchant_id: owner.merchantId }
      )
      const next = tokensFromResponse(response, this.#now())
      await this.#store.save(key, next)
      return next
    }
    const refreshing = (this.#store.withLock ? this.#store.withLock(key, run) : run()).finally(() => {
      this.#inFlight.delete(key)
    })
    this.#inFlight.set(key, refreshing)
    return refreshing
  }

  async #load(key: string): Promise<ShopeeTokens> {
    const tokens = await this.#store.load(key)
    if (!tokens) {
      throw new ShopeeAuthError({ path: ACCESS_TOKEN_GET_PATH, message: `No tokens stored for ${key}: authorize the shop first` })
    }
    return tokens
  }

  #isFresh(tokens: ShopeeTokens, minValidityMs = this.#marginMs): boolean {
    return tokens.accessTokenExpiresAt - this.#now() > Math.max(minValidityMs, this.#marginMs)
  }
}

function defaultKeyOf(owner: TokenOwner): string {
  return "shopId" in owner ? `shop:${owner.shopId}` : `merchant:${owner.merchantId}`
}
