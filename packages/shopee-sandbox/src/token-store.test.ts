import type { RunningSandbox } from "./server.js"
import {
  OTHER_PARTNER,
  OTHER_SHOP_ID,
  PARTNER,
  SHOP_ID,
  authorizeShop,
  callApi,
  control,
  hmacHex,
  startSandbox,
  testOptions,
} from "./test-support/harness.js"

const MINUTE = 60 * 1000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR
const SHOP_INFO = "/api/v2/shop/get_shop_info"

let now: number
let sb: RunningSandbox

beforeEach(async () => {
  now = Date.UTC(2024, 5, 1, 12, 0, 0)
  sb = await startSandbox(testOptions({ clock: () => now }))
})

afterEach(() => sb.close())

async function newCode(): Promise<string> {
  const res = await control(sb, "POST", "/_control/auth_code", { partner_id: PARTNER.partner_id, shop_id: SHOP_ID })
  expect(res.status).toBe(201)
  return res.body.code
}

function exchange(code: string, shopId = SHOP_ID) {
  return callApi(sb, { path: "/api/v2/auth/token/get", body: { code, partner_id: PARTNER.partner_id, shop_id: shopId } })
}

function refresh(refreshToken: string) {
  return callApi(sb, {
    path: "/api/v2/auth/access_token/get",
    body: { refresh_token: refreshToken, partner_id: PARTNER.partner_id, shop_id: SHOP_ID },
  })
}

function shopInfo(accessToken: string) {
  return callApi(sb, { path: SHOP_INFO, accessToken, shopId: SHOP_ID })
}

describe("authorization codes", () => {
  test("a code gives an access token for 4 hours and a refresh token, at the top level of the answer", async () => {
    const res = await exchange(await newCode())
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ error: "", message: "", expire_in: 14400 })
    expect(res.body.access_token).toMatch(/^[0-9a-f]{32}$/)
    expect(res.body.refresh_token).toMatch(/^[0-9a-f]{32}$/)
    expect(res.body.response).toBeUndefined()
  })

  test("a code is single-use: the second use answers invalid_code", async () => {
    const code = await newCode()
    expect((await exchange(code)).status).toBe(200)
    const second = await exchange(code)
    expect(second.status).toBe(403)
    expect(second.body).toMatchObject({ error: "invalid_code", message: "Invalid code" })
  })

  test("a code Shopee never issued answers invalid_code", async () => {
    expect((await exchange("0".repeat(32))).body.error).toBe("invalid_code")
  })

  test("a code expires after 10 minutes", async () => {
    const fresh = await newCode()
    const old = await newCode()
    now += 10 * MINUTE - 1000
    expect((await exchange(fresh)).status).toBe(200)
    now += 2000
    expect((await exchange(old)).body.error).toBe("invalid_code")
  })

  test("a code only works for the shop it was issued for", async () => {
    const res = await exchange(await newCode(), 700002)
    expect(res.body.error).toBe("invalid_code")
  })

  test("token/get requires code and names a missing parameter", async () => {
    const res = await callApi(sb, { path: "/api/v2/auth/token/get", body: { partner_id: PARTNER.partner_id, shop_id: SHOP_ID } })
    expect(res.status).toBe(400)
    expect(res.body.error).toBe("error_param")
    expect(res.body.message).toContain("code")
  })
})

describe("access and refresh tokens", () => {
  test("an access token works for 4 hours and not a second longer", async () => {
    const { access_token } = await authorizeShop(sb)
    now += 4 * HOUR - 1000
    expect((await shopInfo(access_token)).body.error).toBe("")
    now += 1000
    const expired = await shopInfo(access_token)
    expect(expired.status).toBe(403)
    expect(expired.body.error).toBe("invalid_acceess_token")
  })

  test("a refresh gives a new access token and a new refresh token", async () => {
    const first = await authorizeShop(sb)
    const res = await refresh(first.refresh_token)
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ error: "", partner_id: PARTNER.partner_id, shop_id: SHOP_ID, expire_in: 14400 })
    expect(res.body.access_token).not.toBe(first.access_token)
    expect(res.body.refresh_token).not.toBe(first.refresh_token)
    expect((await shopInfo(res.body.access_token)).body.error).toBe("")
  })

  test("a refresh token is single-use: the second use fails and is counted", async () => {
    const first = await authorizeShop(sb)
    expect((await refresh(first.refresh_token)).status).toBe(200)
    const second = await refresh(first.refresh_token)
    expect(second.status).toBe(403)
    expect(second.body).toMatchObject({ error: "error_auth", message: "Invalid refresh_token." })
    const tokens = await control(sb, "GET", "/_control/tokens")
    expect(tokens.body.refresh_token_reuse_count).toBe(1)
    expect(tokens.body.refresh_token_reuses[0]).toMatchObject({ refresh_token: first.refresh_token, shop_id: SHOP_ID })
  })

  test("the previous access token stays valid 5 minutes after a refresh, then not", async () => {
    const first = await authorizeShop(sb)
    now += HOUR
    expect((await refresh(first.refresh_token)).status).toBe(200)
    now += 5 * MINUTE - 1000
    expect((await shopInfo(first.access_token)).body.error).toBe("")
    now += 1000
    expect((await shopInfo(first.access_token)).body.error).toBe("invalid_acceess_token")
  })

  test("a refresh token expires after 30 days", async () => {
    const first = await authorizeShop(sb)
    now += 30 * DAY
    const res = await refresh(first.refresh_token)
    expect(res.status).toBe(403)
    expect(res.body.error).toBe("refresh_token_expired")
  })

  test("a refresh token of one partner cannot be used by another", async () => {
    const first = await authorizeShop(sb)
    const res = await callApi(sb, {
      path: "/api/v2/auth/access_token/get",
      partner: OTHER_PARTNER,
      body: { refresh_token: first.refresh_token, partner_id: OTHER_PARTNER.partner_id, shop_id: SHOP_ID },
    })
    expect(res.body.error).toBe("error_auth")
  })

  test("re-authorizing the shop rotates its tokens: the old access and refresh tokens stop working", async () => {
    const first = await authorizeShop(sb)
    const second = await authorizeShop(sb)
    expect((await shopInfo(first.access_token)).body.error).toBe("invalid_acceess_token")
    expect((await refresh(first.refresh_token)).body).toMatchObject({ error: "error_auth", message: "Invalid refresh_token." })
    expect((await shopInfo(second.access_token)).body.error).toBe("")
    expect((await refresh(second.refresh_token)).status).toBe(200)
  })

  test("re-authorizing one shop leaves another shop's tokens alone", async () => {
    const other = await authorizeShop(sb, OTHER_SHOP_ID)
    await authorizeShop(sb)
    await authorizeShop(sb)
    expect((await callApi(sb, { path: SHOP_INFO, accessToken: other.access_token, shopId: OTHER_SHOP_ID })).body.error).toBe("")
  })

  test("the request log shows exactly the refresh calls made", async () => {
    const first = await authorizeShop(sb)
    await control(sb, "DELETE", "/_control/requests")
    await refresh(first.refresh_token)
    const log = await control<unknown[]>(sb, "GET", "/_control/requests?path=/api/v2/auth/access_token/get")
    expect(log.body).toHaveLength(1)
    expect(log.body[0]).toMatchObject({
      method: "POST",
      path: "/api/v2/auth/access_token/get",
      status: 200,
      error: "",
      partner_id: PARTNER.partner_id,
    })
  })
})

describe("the authorization page", () => {
  function authLink(redirect: string): string {
    const ts = sb.sandbox.clock.nowSeconds()
    const path = "/api/v2/shop/auth_partner"
    const sign = hmacHex(PARTNER.partner_key, `${PARTNER.partner_id}${path}${ts}`)
    return `${sb.url}${path}?partner_id=${PARTNER.partner_id}&timestamp=${ts}&sign=${sign}&redirect=${encodeURIComponent(redirect)}`
  }

  test("shows the shops, and approving redirects with code and shop_id that exchange for tokens", async () => {
    const page = await fetch(authLink("https://app.example/callback?env=sandbox"))
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain("Test shop")
    const requestId = /name="request_id" value="([0-9a-f]+)"/.exec(html)?.[1]
    expect(requestId).toBeDefined()
    const approved = await fetch(`${sb.url}/console/authorize`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ request_id: requestId as string, subject: `shop:${SHOP_ID}` }),
      redirect: "manual",
    })
    expect(approved.status).toBe(302)
    const location = new URL(approved.headers.get("location") as string)
    expect(location.origin + location.pathname).toBe("https://app.example/callback")
    expect(location.searchParams.get("env")).toBe("sandbox")
    expect(location.searchParams.get("shop_id")).toBe(String(SHOP_ID))
    const tokens = await exchange(location.searchParams.get("code") as string)
    expect(tokens.body.error).toBe("")
  })

  test("refuses a link with a bad sign", async () => {
    const link = authLink("https://app.example/cb").replace(/sign=[0-9a-f]+/, "sign=deadbeef")
    const res = await fetch(link)
    expect(res.status).toBe(403)
    expect(((await res.json()) as { error: string }).error).toBe("error_sign")
  })

  test("an approval form cannot be submitted twice", async () => {
    const html = await (await fetch(authLink("https://app.example/cb"))).text()
    const requestId = /name="request_id" value="([0-9a-f]+)"/.exec(html)?.[1] as string
    const submit = () =>
      fetch(`${sb.url}/console/authorize`, {
        method: "POST",
        body: new URLSearchParams({ request_id: requestId, subject: `shop:${SHOP_ID}` }),
        redirect: "manual",
      })
    expect((await submit()).status).toBe(302)
    expect((await submit()).status).toBe(400)
  })
})
