import { allowedApiBaseUrlsOf, enabledJobsFor, orderImportSettings, publicUrlOf, pushIntakeBounds, validatePluginOptions } from "./options"

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

  it("bounds rejected pushes by default and refuses a bound that is not a whole number of at least 1", () => {
    expect(pushIntakeBounds({})).toEqual({ body_bytes: 2048, limit_per_source: 20, limit_total: 60, retention_days: 30 })
    expect(pushIntakeBounds({ rejected_push_body_bytes: 512, push_record_retention_days: 7 })).toMatchObject({
      body_bytes: 512,
      retention_days: 7,
    })
    expect(() => validatePluginOptions({ rejected_push_limit_total: 0 })).toThrow(
      "rejected_push_limit_total must be a whole number of at least 1"
    )
    expect(() => validatePluginOptions({ push_record_retention_days: 1.5 })).toThrow("push_record_retention_days must be a whole number")
  })

  it("takes the public URL from the option, then SHOPEE_PUBLIC_URL, MEDUSA_BACKEND_URL, then localhost and PORT", () => {
    expect(publicUrlOf({ public_url: "https://a.example" }, { SHOPEE_PUBLIC_URL: "https://b.example" })).toEqual("https://a.example")
    expect(publicUrlOf({}, { SHOPEE_PUBLIC_URL: "https://b.example", MEDUSA_BACKEND_URL: "https://c.example" })).toEqual(
      "https://b.example"
    )
    expect(publicUrlOf({}, { MEDUSA_BACKEND_URL: "https://c.example" })).toEqual("https://c.example")
    expect(publicUrlOf({}, { PORT: "9001" })).toEqual("http://localhost:9001")
  })

  it("defaults imported orders to the Shopee channel and the Shopee Logistics option", () => {
    expect(orderImportSettings({})).toEqual({ sales_channel: "Shopee", shipping_option: "Shopee Logistics" })
    expect(orderImportSettings({ order_sales_channel: "Marketplace" }).sales_channel).toEqual("Marketplace")
  })

  it("refuses an allowed API base URL that is plain http off this machine, and reads the option and the environment together", () => {
    expect(() => validatePluginOptions({ allowed_api_base_urls: ["http://proxy.example.com"] })).toThrow(
      "allowed_api_base_urls / SHOPEE_ALLOWED_API_BASE_URLS must list http(s) URLs, https unless on a loopback address (refused: http://proxy.example.com)"
    )
    expect(() => validatePluginOptions({ allowed_api_base_urls: "https://proxy.example.com,http://127.0.0.1:9100" })).not.toThrow()
    expect(
      allowedApiBaseUrlsOf(
        { allowed_api_base_urls: ["https://proxy.example.com/"] },
        { SHOPEE_ALLOWED_API_BASE_URLS: "http://localhost:9100" }
      )
    ).toEqual(["https://proxy.example.com", "http://localhost:9100"])
  })

  it("refuses at boot a jobs option or SHOPEE_JOBS naming no job, and reads SHOPEE_JOBS when the option is unset", () => {
    expect(() => validatePluginOptions({ jobs: ["retry"] })).toThrow("unknown: retry")
    const before = process.env.SHOPEE_JOBS
    process.env.SHOPEE_JOBS = "nightly"
    try {
      expect(() => validatePluginOptions({})).toThrow("unknown: nightly")
      expect(() => validatePluginOptions({ jobs: false })).not.toThrow()
      process.env.SHOPEE_JOBS = "off"
      expect(enabledJobsFor({}).size).toEqual(0)
      expect(enabledJobsFor({ jobs: ["refresh-shopee-tokens"] })).toEqual(new Set(["refresh-shopee-tokens"]))
    } finally {
      if (before === undefined) delete process.env.SHOPEE_JOBS
      else process.env.SHOPEE_JOBS = before
    }
  })
})
