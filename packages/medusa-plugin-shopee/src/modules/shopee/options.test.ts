import { orderImportSettings, publicUrlOf, validatePluginOptions } from "./options"

describe("plugin options", () => {
  it("refuses a pinned environment other than sandbox or live", () => {
    expect(() => validatePluginOptions({ pinned_environment: "prod" as never })).toThrow(
      'medusa-plugin-shopee: pinned_environment must be "sandbox" or "live" (got "prod")'
    )
    expect(() => validatePluginOptions({ pinned_environment: "live" })).not.toThrow()
  })

  it("refuses a low-stock threshold that is not a whole number of at least 0", () => {
    expect(() => validatePluginOptions({ low_stock_threshold: -1 })).toThrow("low_stock_threshold must be a whole number")
    expect(() => validatePluginOptions({ low_stock_threshold: 1.5 })).toThrow("low_stock_threshold must be a whole number")
    expect(() => validatePluginOptions({ low_stock_threshold: 0 })).not.toThrow()
  })

  it("takes the public URL from the option, then SHOPEE_PUBLIC_URL, MEDUSA_BACKEND_URL, then localhost and PORT", () => {
    expect(publicUrlOf({ public_url: "https://a.example" }, { SHOPEE_PUBLIC_URL: "https://b.example" })).toEqual("https://a.example")
    expect(publicUrlOf({}, { SHOPEE_PUBLIC_URL: "https://b.example", MEDUSA_BACKEND_URL: "https://c.example" })).toEqual("https://b.example")
    expect(publicUrlOf({}, { MEDUSA_BACKEND_URL: "https://c.example" })).toEqual("https://c.example")
    expect(publicUrlOf({}, { PORT: "9001" })).toEqual("http://localhost:9001")
  })

  it("defaults imported orders to the Shopee channel and the Shopee Logistics option", () => {
    expect(orderImportSettings({})).toEqual({ sales_channel: "Shopee", shipping_option: "Shopee Logistics" })
    expect(orderImportSettings({ order_sales_channel: "Marketplace" }).sales_channel).toEqual("Marketplace")
  })
})
