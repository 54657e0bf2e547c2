import { ShopeeClient, type ShopeeClientOptions } from "../client.js"
import type { FakeShopee } from "./fake-shopee.js"

export const SHOP_ID = 600000
export const ACCESS_TOKEN = "access-token-0123456789abcdef"

/** A client pointed at the fake, with backoff sleeps recorded instead of waited. */
export function clientFor(fake: FakeShopee, options: Partial<ShopeeClientOptions> = {}) {
  const sleeps: number[] = []
  const client = new ShopeeClient({
    partnerId: fake.partnerId,
    partnerKey: fake.partnerKey,
    baseUrl: fake.baseUrl,
    timeoutMs: 2_000,
    sleep: async (ms) => void sleeps.push(ms),
    random: () => 0.5,
    ...options,
  })
  return { client, sleeps }
}

/** A shop with a token the fake accepts. */
export function shopFor(fake: FakeShopee, client: ShopeeClient) {
  fake.accessTokens.set(ACCESS_TOKEN, SHOP_ID)
  return client.shop({ shopId: SHOP_ID, accessToken: ACCESS_TOKEN })
}
