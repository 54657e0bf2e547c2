import { ShopeeAuthError, ShopeeSignError } from "@shopee-medusa/shopee-client"
import { codeExchangeRefusal } from "./code-exchange-refusal"

const PATH = "/api/v2/auth/token/get"

describe("codeExchangeRefusal", () => {
  it("names a code Shopee refused as invalid_code, with or without a module prefix", () => {
    expect(codeExchangeRefusal(new ShopeeAuthError({ path: PATH, status: 403, error: "invalid_code", message: "Invalid code" }))).toBe(
      "invalid_code"
    )
    expect(codeExchangeRefusal(new ShopeeAuthError({ path: PATH, status: 403, error: "auth.invalid_code", message: "Invalid code" }))).toBe(
      "invalid_code"
    )
  })

  it("keeps exchange_failed for every other failure", () => {
    expect(codeExchangeRefusal(new ShopeeAuthError({ path: PATH, status: 403, error: "error_auth", message: "No permission." }))).toBe(
      "exchange_failed"
    )
    expect(codeExchangeRefusal(new ShopeeSignError({ path: PATH, status: 403, error: "error_sign", message: "Wrong sign." }))).toBe(
      "exchange_failed"
    )
    expect(codeExchangeRefusal(new Error("connect ECONNREFUSED"))).toBe("exchange_failed")
  })
})
