import { inspect } from "node:util"
import { ACCESS_TOKEN_GET_PATH } from "./api/auth.js"
import { GET_MODEL_LIST_PATH } from "./api/products.js"
import { ShopeeClient } from "./client.js"
import {
  isAuthError,
  isShopeeError,
  ShopeeAuthError,
  ShopeeDailyLimitError,
  ShopeeError,
  ShopeeNetworkError,
  ShopeeParamError,
  ShopeeRateLimitError,
  ShopeeServerError,
  ShopeeSignError,
  ShopeeTimeoutError,
} from "./errors.js"
import { errorFromAnswer, isAccessTokenRejected } from "./map-error.js"
import { ACCESS_TOKEN, clientFor, SHOP_ID, shopFor } from "./test-support/client-for.js"
import { type FakeReply, type FakeShopee, startFakeShopee } from "./test-support/fake-shopee.js"

let fake: FakeShopee
beforeEach(async () => {
  fake = await startFakeShopee()
})
afterEach(() => fake.close())

// Retries off, so each answer maps to exactly one error.
const noRetry = { retry: { maxAttempts: 1 } }

const familyCases: [string, FakeReply, typeof ShopeeError][] = [
  ["error_auth", { status: 403, raw: { request_id: "r1", error: "error_auth", message: "No permission." } }, ShopeeAuthError],
  [
    "invalid_access_token",
    { status: 403, raw: { request_id: "r1", error: "invalid_access_token", message: "Invalid access_token." } },
    ShopeeAuthError,
  ],
  [
    "invalid_acceess_token (sic)",
    { status: 403, raw: { request_id: "r1", error: "invalid_acceess_token", message: "Invalid access_token." } },
    ShopeeAuthError,
  ],
  [
    "common.error_auth (module prefix)",
    { status: 403, raw: { request_id: "r1", error: "common.error_auth", message: "x" } },
    ShopeeAuthError,
  ],
  ["error_sign", { status: 403, raw: { request_id: "r1", error: "error_sign", message: "Wrong sign." } }, ShopeeSignError],
  ["error_param", { status: 400, raw: { request_id: "r1", error: "error_param", message: "Timestamp is expired" } }, ShopeeParamError],
  [
    "order.order_list_invalid_time (a get_order_list window over 15 days)",
    {
      status: 400,
      raw: {
        request_id: "r1",
        error: "order.order_list_invalid_time",
        message: "Start time must be earlier than end time and diff in 15 days.",
      },
    },
    ShopeeParamError,
  ],
  ["product.error_param", { status: 200, raw: { request_id: "r1", error: "product.error_param", message: "x" } }, ShopeeParamError],
  ["error_rate_limit", { status: 429, raw: { request_id: "r1", error: "error_rate_limit", message: "Too many" } }, ShopeeRateLimitError],
  ["HTTP 429 without a code", { status: 429, text: "Too Many Requests" }, ShopeeRateLimitError],
  ["error_limit", { status: 200, raw: { request_id: "r1", error: "error_limit", message: "Daily quota" } }, ShopeeDailyLimitError],
  ["error_server", { status: 500, raw: { request_id: "r1", error: "error_server", message: "System error" } }, ShopeeServerError],
  ["HTTP 502 HTML", { status: 502, text: "<html>bad gateway</html>" }, ShopeeServerError],
  ["a 200 that is not JSON", { status: 200, text: "<html>maintenance</html>" }, ShopeeServerError],
  ["an unknown code", { status: 200, raw: { request_id: "r1", error: "error_item_not_found", message: "Item not found" } }, ShopeeError],
]

describe("error mapping", () => {
  it.each(familyCases)("maps %s to %p", async (_label, reply, Family) => {
    fake.on(GET_MODEL_LIST_PATH, () => reply)
    const shop = shopFor(fake, clientFor(fake, noRetry).client)
    const error = await shop.products.getModelList({ item_id: 1 }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(Family)
    expect(error).toBeInstanceOf(ShopeeError)
    // The exact class, not merely a subclass of the base.
    expect((error as Error).constructor).toBe(Family)
    expect(error).toMatchObject({ path: GET_MODEL_LIST_PATH, status: "status" in reply ? reply.status : 200 })
    if ("raw" in reply) {
      const raw = reply.raw as { request_id: string; error: string; message: string }
      expect(error).toMatchObject({ request_id: raw.request_id, error: raw.error, message: raw.message, name: Family.name })
    }
  })

  it("maps a connection refused to ShopeeNetworkError", async () => {
    const url = fake.baseUrl
    await fake.close()
    const client = new ShopeeClient({ partnerId: 1, partnerKey: "k", baseUrl: url, ...noRetry })
    const error = await client.push.getLostPushMessage().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ShopeeNetworkError)
    expect((error as ShopeeNetworkError).message).toMatch(/ECONNREFUSED/)
    expect((error as ShopeeNetworkError).status).toBeUndefined()
    fake = await startFakeShopee()
  })

  it("maps no answer within the timeout to ShopeeTimeoutError", async () => {
    fake.on(GET_MODEL_LIST_PATH, () => ({ hang: true }))
    const shop = shopFor(fake, clientFor(fake, { ...noRetry, timeoutMs: 100 }).client)
    const error = await shop.products.getModelList({ item_id: 1 }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ShopeeTimeoutError)
  })

  it("treats both spellings of an invalid access token, and error_auth, as a rejected token", () => {
    for (const code of ["invalid_acceess_token", "invalid_access_token", "error_auth"]) {
      const error = errorFromAnswer({ path: "/p", status: 403, body: { error: code, message: "m" } })
      expect(isAuthError(error)).toBe(true)
      expect(isAccessTokenRejected(error)).toBe(true)
    }
    const expiredRefresh = errorFromAnswer({ path: "/p", status: 403, body: { error: "refresh_token_expired", message: "m" } })
    expect(isAuthError(expiredRefresh)).toBe(true)
    expect(isAccessTokenRejected(expiredRefresh)).toBe(false)
    expect(isShopeeError(new Error("x"))).toBe(false)
  })

  it("reports success as no error", () => {
    expect(errorFromAnswer({ path: "/p", status: 200, body: { error: "", message: "", response: {} } })).toBeUndefined()
  })
})

describe("secrets in errors", () => {
  const secrets = (fakeKey: string) => [fakeKey, ACCESS_TOKEN, "refresh-token-secret-42"]

  it("never puts the partner key, a token or the sign in a message or an enumerable field", async () => {
    // A hostile or careless server echoing everything it was sent back into the message.
    fake.on(ACCESS_TOKEN_GET_PATH, (request) => ({
      status: 403,
      raw: { request_id: "r9", error: "error_auth", message: `bad: ${request.query.toString()} ${JSON.stringify(request.body)}` },
    }))
    fake.on(GET_MODEL_LIST_PATH, (request) => ({
      status: 500,
      raw: { request_id: "r9", error: "error_server", message: `failed ${request.query.toString()}` },
    }))
    const { client } = clientFor(fake, noRetry)
    const shop = shopFor(fake, client)
    const errors = [
      await client.auth.refreshAccessToken({ refresh_token: "refresh-token-secret-42", shop_id: SHOP_ID }).catch((e: unknown) => e),
      await shop.products.getModelList({ item_id: 1 }).catch((e: unknown) => e),
    ] as ShopeeError[]

    for (const error of errors) {
      expect(error).toBeInstanceOf(ShopeeError)
      const visible = [error.message, error.stack ?? "", JSON.stringify(error), inspect(error), JSON.stringify(Object.entries(error))].join(
        "\n"
      )
      expect(visible).toContain("[redacted]")
      for (const secret of secrets(fake.partnerKey)) expect(visible).not.toContain(secret)
      expect(visible).not.toMatch(/sign=[0-9a-f]{64}/)
      expect(Object.keys(error).sort()).toEqual(["error", "name", "path", "request_id", "status"])
    }
  })

  it("does not print the partner key or access token when a client or shop is logged", () => {
    const client = new ShopeeClient({ partnerId: 1, partnerKey: "partner-key-do-not-print", region: "TEST_GLOBAL" })
    const shop = client.shop({ shopId: 5, accessToken: "access-token-do-not-print" })
    const printed = inspect(client, { depth: 10 }) + inspect(shop, { depth: 10 }) + JSON.stringify(client) + JSON.stringify(shop)
    expect(printed).not.toContain("partner-key-do-not-print")
    expect(printed).not.toContain("access-token-do-not-print")
  })
})
