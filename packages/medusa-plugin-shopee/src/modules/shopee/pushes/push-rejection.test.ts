import { pushRejection } from "./push-rejection"

const url = "https://shop.example/connectors/shopee/webhook/live"

describe("pushRejection", () => {
  it("processes a signed, readable push", () => {
    expect(pushRejection({ signature_ok: true, parse_error: null, url, environment: "live" })).toBeNull()
  })

  it("rejects a bad signature, naming the URL it was checked against and the key to look at", () => {
    expect(pushRejection({ signature_ok: false, parse_error: "The body is not JSON", url, environment: "live" })).toEqual({
      kind: "push_signature_invalid",
      message: `The push's Authorization signature does not match (URL ${url}); it was stored but not processed. Check the push partner key of the live profile.`,
    })
  })

  it("rejects a signed push whose body cannot be read, saying why", () => {
    expect(pushRejection({ signature_ok: true, parse_error: "The body is not JSON", url, environment: "live" })).toEqual({
      kind: "push_unreadable",
      message: "The body is not JSON; the push was stored but not processed.",
    })
  })
})
