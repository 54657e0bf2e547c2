import { startAdminServer, type AdminServer } from "../../scripts/admin-server"

/**
 * A store served over https keeps the session cookie `Secure`: `npm start` with an https
 * SHOPEE_PUBLIC_URL, as a deployment behind a TLS proxy runs it. The proxy tells Medusa the
 * request came over https with X-Forwarded-Proto (Medusa trusts one proxy hop). The local http
 * case is walked by the newcomer browser test.
 */
let server: AdminServer | undefined

beforeAll(
  async () => {
    server = await startAdminServer({ env: { SHOPEE_PUBLIC_URL: "https://shop.example.test" } })
  },
  10 * 60 * 1000
)

afterAll(async () => {
  await server?.stop()
}, 60 * 1000)

async function openSession(headers: Record<string, string>) {
  const login = await fetch(`${server!.url}/auth/user/emailpass`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(server!.admin),
  })
  const { token } = (await login.json()) as { token: string }
  return fetch(`${server!.url}/auth/session`, { method: "POST", headers: { authorization: `Bearer ${token}`, ...headers } })
}

it(
  "sends the session cookie only over https, marked Secure, HttpOnly and SameSite=Lax",
  async () => {
    const overHttps = await openSession({ "x-forwarded-proto": "https" })
    expect(overHttps.status).toBe(200)
    const cookie = overHttps.headers.get("set-cookie")
    expect(cookie).toMatch(/^connect\.sid=/)
    expect(cookie).toMatch(/; Secure/)
    expect(cookie).toMatch(/; HttpOnly/)
    expect(cookie).toMatch(/; SameSite=Lax/)

    const me = await fetch(`${server!.url}/admin/users/me`, {
      headers: { cookie: cookie!.split(";")[0], "x-forwarded-proto": "https" },
    })
    expect(me.status).toBe(200)

    const overHttp = await openSession({})
    expect(overHttp.status).toBe(200)
    expect(overHttp.headers.get("set-cookie")).toBeNull()
  },
  60 * 1000
)
