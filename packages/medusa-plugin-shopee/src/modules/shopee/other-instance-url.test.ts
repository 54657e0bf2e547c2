import { otherInstanceUrlOf, validatePluginOptions } from "./options"

describe("the other instance's URL", () => {
  it("comes from the plugin option, else SHOPEE_OTHER_INSTANCE_URL, without a trailing slash", () => {
    expect(otherInstanceUrlOf({ other_instance_url: "https://staging.example/" }, {})).toEqual("https://staging.example")
    expect(otherInstanceUrlOf({}, { SHOPEE_OTHER_INSTANCE_URL: "http://localhost:9001" })).toEqual("http://localhost:9001")
    expect(otherInstanceUrlOf({ other_instance_url: "https://a.example" }, { SHOPEE_OTHER_INSTANCE_URL: "https://b.example" })).toEqual(
      "https://a.example"
    )
  })

  it("is null when neither is set (an instance on its own links nowhere)", () => {
    expect(otherInstanceUrlOf({}, {})).toBeNull()
    expect(otherInstanceUrlOf({}, { SHOPEE_OTHER_INSTANCE_URL: "" })).toBeNull()
  })

  it("refuses at boot anything but an http(s) URL, naming the option", () => {
    expect(() => validatePluginOptions({ other_instance_url: "javascript:alert(1)" })).toThrow(
      'medusa-plugin-shopee: other_instance_url / SHOPEE_OTHER_INSTANCE_URL must be an http(s) URL without credentials, query or fragment (got "javascript:alert(1)")'
    )
    expect(() => validatePluginOptions({ other_instance_url: "https://staging.example" })).not.toThrow()
  })
})
