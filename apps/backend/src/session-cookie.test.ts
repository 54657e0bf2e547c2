import { sessionCookieOptions } from "./session-cookie"

describe("the session cookie's Secure flag", () => {
  it.each([
    "http://localhost:9000",
    "http://localhost",
    "http://admin.localhost:9000",
    "http://127.0.0.1:9000",
    "http://127.8.9.10",
    "http://[::1]:9000",
  ])("may be dropped for the local http demo at %s", (url) => {
    expect(sessionCookieOptions({ SHOPEE_PUBLIC_URL: url })).toEqual({ secure: false })
  })

  it.each([
    "https://localhost:9000",
    "https://shop.example.com",
    "http://shop.example.com",
    "http://192.168.1.20:9000",
    "http://localhost.example.com",
    "http://127.0.0.1.example.com",
    "not a url",
  ])("keeps Medusa's default for %s", (url) => {
    expect(sessionCookieOptions({ SHOPEE_PUBLIC_URL: url })).toBeUndefined()
  })

  it("keeps Medusa's default when no public URL is configured", () => {
    expect(sessionCookieOptions({})).toBeUndefined()
  })

  it("reads MEDUSA_BACKEND_URL when SHOPEE_PUBLIC_URL is unset, and prefers SHOPEE_PUBLIC_URL", () => {
    expect(sessionCookieOptions({ MEDUSA_BACKEND_URL: "http://localhost:9000" })).toEqual({ secure: false })
    expect(
      sessionCookieOptions({ SHOPEE_PUBLIC_URL: "https://shop.example.com", MEDUSA_BACKEND_URL: "http://localhost:9000" })
    ).toBeUndefined()
  })
})
