import { ACCESS_TOKEN_GET_PATH } from "./api/auth.js"
import { GET_MODEL_LIST_PATH } from "./api/products.js"
import { ShopeeAuthError } from "./errors.js"
import { clientFor, SHOP_ID } from "./test-support/client-for.js"
import { errorEnvelope, type FakeShopee, startFakeShopee } from "./test-support/fake-shopee.js"
import { TokenSource, type TokenStore } from "./token-source.js"
import { type ShopeeTokens, tokensFromResponse } from "./tokens.js"

const KEY = `shop:${SHOP_ID}`
const HOUR = 60 * 60 * 1000

/** An in-memory store that records every save, and optionally a lock. */
function memoryStore(initial: ShopeeTokens) {
  const data = new Map<string, ShopeeTokens>([[KEY, initial]])
  const saves: ShopeeTokens[] = []
  const store: TokenStore = {
    load: async (key) => data.get(key),
    save: async (key, tokens) => {
      // A database write takes time; a caller that did not wait for it would run ahead.
      await new Promise((resolve) => setTimeout(resolve, 20))
      saves.push(tokens)
      data.set(key, tokens)
    },
  }
  return { store, data, saves }
}

const tokens = (accessToken: string, refreshToken: string, expiresAt: number): ShopeeTokens => ({
  accessToken,
  refreshToken,
  accessTokenExpiresAt: expiresAt,
  refreshTokenExpiresAt: Date.now() + 30 * 24 * HOUR,
})

let fake: FakeShopee
let refreshCount: number

beforeEach(async () => {
  fake = await startFakeShopee()
  refreshCount = 0
  // Shopee's refresh: single-use refresh tokens, a new pair each time.
  const liveRefreshTokens = new Set(["refresh-1"])
  fake.on(ACCESS_TOKEN_GET_PATH, async (request) => {
    const body = request.body as { refresh_token: string; shop_id: number; partner_id: number }
    // Slow enough that all concurrent callers are waiting while it runs.
    await new Promise((resolve) => setTimeout(resolve, 50))
    if (!liveRefreshTokens.delete(body.refresh_token)) {
      return { status: 403, raw: errorEnvelope("error_auth", "Invalid refresh_token.") }
    }
    refreshCount++
    const access_token = `access-${refreshCount + 1}`
    const refresh_token = `refresh-${refreshCount + 1}`
    liveRefreshTokens.add(refresh_token)
    fake.accessTokens.set(access_token, body.shop_id)
    return { raw: { request_id: "r", error: "", message: "", access_token, refresh_token, expire_in: 14400, shop_id: body.shop_id } }
  })
})
afterEach(() => fake.close())

describe("TokenSource", () => {
  it("makes exactly one refresh for 20 concurrent calls on an expired token, and saves the new refresh token before any call proceeds", async () => {
    const { store, data, saves } = memoryStore(tokens("access-1", "refresh-1", Date.now() - 1000))
    const refreshTokenSeenByCalls: string[] = []
    fake.on(GET_MODEL_LIST_PATH, () => {
      refreshTokenSeenByCalls.push(data.get(KEY)!.refreshToken)
      return { response: { tier_variation: [], model: [] } }
    })
    const { client } = clientFor(fake)
    const shop = client.shop({ shopId: SHOP_ID, tokens: new TokenSource({ auth: client.auth, store }) })

    await Promise.all(Array.from({ length: 20 }, () => shop.products.getModelList({ item_id: 1 })))

    expect(fake.callsTo(ACCESS_TOKEN_GET_PATH)).toHaveLength(1)
    expect(fake.callsTo(ACCESS_TOKEN_GET_PATH)[0]!.body).toEqual({
      refresh_token: "refresh-1",
      shop_id: SHOP_ID,
      partner_id: fake.partnerId,
    })
    expect(saves.map((s) => s.refreshToken)).toEqual(["refresh-2"])
    expect(refreshTokenSeenByCalls).toEqual(Array(20).fill("refresh-2"))
    expect(fake.callsTo(GET_MODEL_LIST_PATH).map((c) => c.accessToken)).toEqual(Array(20).fill("access-2"))
  })

  it("refreshes ahead of expiry, inside the configured margin", async () => {
    const { store, saves } = memoryStore(tokens("access-1", "refresh-1", Date.now() + 9 * 60 * 1000))
    const { client } = clientFor(fake)
    const early = new TokenSource({ auth: client.auth, store, refreshMarginMs: 10 * 60 * 1000 })
    await expect(early.getAccessToken({ shopId: SHOP_ID })).resolves.toBe("access-2")
    expect(saves).toHaveLength(1)
    expect(saves[0]!.accessTokenExpiresAt).toBeGreaterThan(Date.now() + 3.9 * HOUR)
  })

  it("uses a stored token that is still fresh without calling Shopee", async () => {
    const { store } = memoryStore(tokens("access-1", "refresh-1", Date.now() + 2 * HOUR))
    const { client } = clientFor(fake)
    await expect(new TokenSource({ auth: client.auth, store }).getAccessToken({ shopId: SHOP_ID })).resolves.toBe("access-1")
    expect(fake.callsTo(ACCESS_TOKEN_GET_PATH)).toHaveLength(0)
  })

  it("refreshes once when Shopee rejects a token the clock says is valid, for any number of concurrent calls", async () => {
    // access-1 is unknown to the fake: Shopee says invalid_acceess_token.
    const { store } = memoryStore(tokens("access-1", "refresh-1", Date.now() + 2 * HOUR))
    fake.on(GET_MODEL_LIST_PATH, () => ({ response: { tier_variation: [], model: [] } }))
    const { client } = clientFor(fake)
    const shop = client.shop({ shopId: SHOP_ID, tokens: new TokenSource({ auth: client.auth, store }) })

    await Promise.all(Array.from({ length: 20 }, () => shop.products.getModelList({ item_id: 1 })))

    expect(fake.refused.filter((r) => r.error === "invalid_acceess_token")).toHaveLength(20)
    expect(fake.callsTo(ACCESS_TOKEN_GET_PATH)).toHaveLength(1)
    expect(fake.callsTo(GET_MODEL_LIST_PATH).map((c) => c.accessToken)).toEqual(Array(20).fill("access-2"))
  })

  it("refreshes at most once per call on rejection, then surfaces the auth error", async () => {
    const { store } = memoryStore(tokens("access-1", "refresh-1", Date.now() + 2 * HOUR))
    fake.on(GET_MODEL_LIST_PATH, () => ({ status: 403, raw: errorEnvelope("invalid_access_token", "Invalid access_token.") }))
    fake.accessTokens.set("access-1", SHOP_ID)
    const { client } = clientFor(fake)
    const shop = client.shop({ shopId: SHOP_ID, tokens: new TokenSource({ auth: client.auth, store }) })

    await expect(shop.products.getModelList({ item_id: 1 })).rejects.toBeInstanceOf(ShopeeAuthError)
    expect(fake.callsTo(ACCESS_TOKEN_GET_PATH)).toHaveLength(1)
    expect(fake.callsTo(GET_MODEL_LIST_PATH).map((c) => c.accessToken)).toEqual(["access-1", "access-2"])
  })

  it("reuses a refresh done by another process: inside the lock the store already holds a fresh token", async () => {
    const { store: base, data, saves } = memoryStore(tokens("access-1", "refresh-1", Date.now() - 1000))
    const locked: string[] = []
    const store: TokenStore = {
      ...base,
      withLock: async (key, fn) => {
        locked.push(key)
        // Meanwhile another instance took the lock first and refreshed.
        data.set(key, tokens("access-other", "refresh-other", Date.now() + 4 * HOUR))
        fake.accessTokens.set("access-other", SHOP_ID)
        return fn()
      },
    }
    fake.on(GET_MODEL_LIST_PATH, () => ({ response: { tier_variation: [], model: [] } }))
    const { client } = clientFor(fake)
    const shop = client.shop({ shopId: SHOP_ID, tokens: new TokenSource({ auth: client.auth, store }) })

    await Promise.all(Array.from({ length: 5 }, () => shop.products.getModelList({ item_id: 1 })))

    expect(locked).toEqual([KEY])
    expect(fake.callsTo(ACCESS_TOKEN_GET_PATH)).toHaveLength(0)
    expect(saves).toEqual([])
    expect(fake.callsTo(GET_MODEL_LIST_PATH).map((c) => c.accessToken)).toEqual(Array(5).fill("access-other"))
  })

  it("refreshes and saves inside the store's lock", async () => {
    const { store: base, saves } = memoryStore(tokens("access-1", "refresh-1", Date.now() - 1000))
    const events: string[] = []
    const store: TokenStore = {
      load: base.load,
      save: async (key, value) => {
        events.push("save")
        await base.save(key, value)
      },
      withLock: async (_key, fn) => {
        events.push("lock")
        try {
          return await fn()
        } finally {
          events.push("unlock")
        }
      },
    }
    const { client } = clientFor(fake)
    await new TokenSource({ auth: client.auth, store }).getAccessToken({ shopId: SHOP_ID })
    expect(events).toEqual(["lock", "save", "unlock"])
    expect(saves).toHaveLength(1)
  })

  it("surfaces a failed refresh as an auth error and lets a later call try again", async () => {
    const { store, saves } = memoryStore(tokens("access-1", "refresh-dead", Date.now() - 1000))
    const { client } = clientFor(fake)
    const source = new TokenSource({ auth: client.auth, store })
    await expect(source.getAccessToken({ shopId: SHOP_ID })).rejects.toBeInstanceOf(ShopeeAuthError)
    await expect(source.getAccessToken({ shopId: SHOP_ID })).rejects.toBeInstanceOf(ShopeeAuthError)
    expect(fake.callsTo(ACCESS_TOKEN_GET_PATH)).toHaveLength(2)
    expect(saves).toEqual([])
  })

  it("says so when no tokens are stored for the shop", async () => {
    const { client } = clientFor(fake)
    const source = new TokenSource({ auth: client.auth, store: { load: async () => undefined, save: async () => {} } })
    await expect(source.getAccessToken({ shopId: 42 })).rejects.toThrow(/No tokens stored for shop:42/)
  })
})

describe("tokensFromResponse", () => {
  it("reads expire_in as a lifetime in seconds, or as an absolute time when it can only be one", () => {
    const now = 1_700_000_000_000
    expect(tokensFromResponse({ access_token: "a", refresh_token: "r", expire_in: 14400 }, now)).toEqual({
      accessToken: "a",
      refreshToken: "r",
      accessTokenExpiresAt: now + 14400 * 1000,
      refreshTokenExpiresAt: now + 30 * 24 * HOUR,
    })
    expect(tokensFromResponse({ access_token: "a", refresh_token: "r", expire_in: 1_700_014_400 }, now).accessTokenExpiresAt).toBe(
      1_700_014_400_000
    )
  })
})
