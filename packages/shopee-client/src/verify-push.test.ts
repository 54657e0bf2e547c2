import { createHmac } from "node:crypto"
import { verifyPush } from "./verify-push.js"

const url = "https://shop.example/connectors/shopee/webhook/sandbox"
const pushPartnerKey = "push-key-7a3f9c"
// Shopee's own code-3 example, byte for byte.
const rawBody =
  '{"data":{"items":[],"ordersn":"220810QSK8S7BX","status":"PROCESSED","completed_scenario":"","update_time":1660123127},"shop_id":727720655,"code":3,"timestamp":1660123127}'
// openssl dgst -sha256 -hmac push-key-7a3f9c over `${url}|${rawBody}`
const authorization = "779e833b8ecb3355bf0030808b167459887f59e8a47231973b33882023ded165"

describe("verifyPush", () => {
  it("accepts Shopee's signature over url|body, as a string or a Buffer", () => {
    expect(createHmac("sha256", pushPartnerKey).update(`${url}|${rawBody}`).digest("hex")).toBe(authorization)
    expect(verifyPush({ url, rawBody, authorization, pushPartnerKey })).toBe(true)
    expect(verifyPush({ url, rawBody: Buffer.from(rawBody), authorization, pushPartnerKey })).toBe(true)
  })

  it("accepts an uppercase hex header and surrounding whitespace", () => {
    expect(verifyPush({ url, rawBody, authorization: ` ${authorization.toUpperCase()} `, pushPartnerKey })).toBe(true)
  })

  it("rejects the same JSON re-serialised with different spacing", () => {
    const reserialised = JSON.stringify(JSON.parse(rawBody), null, 1)
    expect(verifyPush({ url, rawBody: reserialised, authorization, pushPartnerKey })).toBe(false)
  })

  it("rejects a body changed by one byte", () => {
    expect(verifyPush({ url, rawBody: rawBody.replace("PROCESSED", "PROCESSEE"), authorization, pushPartnerKey })).toBe(false)
  })

  it("rejects a push signed for another URL (e.g. the one seen behind a proxy)", () => {
    expect(verifyPush({ url: "http://10.0.0.5:9000/connectors/shopee/webhook/sandbox", rawBody, authorization, pushPartnerKey })).toBe(
      false
    )
  })

  it("rejects a push signed with another key (e.g. the partner key instead of the push partner key)", () => {
    expect(verifyPush({ url, rawBody, authorization, pushPartnerKey: "shpk-not-the-push-key" })).toBe(false)
  })

  it.each([
    ["missing", undefined],
    ["null", null],
    ["empty", ""],
    ["not hex", "z".repeat(64)],
    ["too short", authorization.slice(0, 63)],
    ["too long", authorization + "0"],
    ["half length", authorization.slice(0, 32)],
    ["prefixed", `sha256=${authorization}`],
    ["repeated header", [authorization, authorization]],
  ])("returns false, without throwing, for a %s header", (_label, header) => {
    expect(() => verifyPush({ url, rawBody, authorization: header as string | undefined, pushPartnerKey })).not.toThrow()
    expect(verifyPush({ url, rawBody, authorization: header as string | undefined, pushPartnerKey })).toBe(false)
  })

  it("returns false for an empty push key rather than verifying against it", () => {
    const signedWithEmptyKey = createHmac("sha256", "").update(`${url}|${rawBody}`).digest("hex")
    expect(verifyPush({ url, rawBody, authorization: signedWithEmptyKey, pushPartnerKey: "" })).toBe(false)
  })
})
