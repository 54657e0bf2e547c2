import { apiBaseUrlProblem, normalizeBaseUrl, parseAllowedBaseUrls } from "./api-base-url"

describe("api_base_url", () => {
  it("accepts Shopee's hosts of the profile's environment only", () => {
    expect(apiBaseUrlProblem("https://openplatform.sandbox.test-stable.shopee.sg/", "sandbox", [])).toBeNull()
    expect(apiBaseUrlProblem("https://partner.shopeemobile.com", "live", [])).toBeNull()
    expect(apiBaseUrlProblem("https://partner.shopeemobile.com", "sandbox", [])).toMatch(
      /^api_base_url must be one of Shopee's sandbox hosts/
    )
    expect(apiBaseUrlProblem("https://openplatform.sandbox.test-stable.shopee.sg", "live", [])).toMatch(/^api_base_url/)
  })

  it("refuses any other URL unless the server allows it", () => {
    expect(apiBaseUrlProblem("http://127.0.0.1:9100", "sandbox", [])).toMatch(/SHOPEE_ALLOWED_API_BASE_URLS/)
    expect(apiBaseUrlProblem("http://127.0.0.1:9100/", "sandbox", ["http://127.0.0.1:9100"])).toBeNull()
    expect(apiBaseUrlProblem("http://127.0.0.1:9101", "sandbox", ["http://127.0.0.1:9100"])).not.toBeNull()
  })

  it("refuses schemes other than http(s), credentials, queries and fragments", () => {
    for (const bad of [
      "javascript:alert(1)",
      "file:///etc/passwd",
      "ftp://x",
      "https://u:p@partner.shopeemobile.com",
      "https://partner.shopeemobile.com?x=1",
      "not a url",
    ]) {
      expect(normalizeBaseUrl(bad)).toBeNull()
      expect(apiBaseUrlProblem(bad, "live", [])).toMatch(/^api_base_url must be an http\(s\) URL/)
    }
  })

  it("lets the server allow https anywhere and plain http only on loopback", () => {
    expect(parseAllowedBaseUrls("http://127.0.0.1:9100, https://proxy.example.com/shopee/ ,http://localhost:1,http://[::1]:2")).toEqual({
      urls: ["http://127.0.0.1:9100", "https://proxy.example.com/shopee", "http://localhost:1", "http://[::1]:2"],
      invalid: [],
    })
    expect(parseAllowedBaseUrls(["http://proxy.example.com", "javascript:x", "http://10.0.0.5:80"]).invalid).toEqual([
      "http://proxy.example.com",
      "javascript:x",
      "http://10.0.0.5:80",
    ])
  })
})
