import { parsePush } from "./parse-push"

const ORDER_PUSH =
  '{"data":{"items":[],"ordersn":"220810QSK8S7BX","status":"PROCESSED","completed_scenario":"","update_time":1660123127},"shop_id":727720655,"code":3,"timestamp":1660123127}'

describe("parsePush", () => {
  it("reads code, shop, ordersn and timestamp from Shopee's order push", () => {
    expect(parsePush(ORDER_PUSH)).toMatchObject({
      code: 3,
      shop_id: "727720655",
      order_sn: "220810QSK8S7BX",
      shopee_timestamp: 1660123127,
      parse_error: null,
    })
  })

  it("gives a repeated push the same dedupe key, and a different push another", () => {
    const again = parsePush(ORDER_PUSH).dedupe_key
    expect(parsePush(ORDER_PUSH).dedupe_key).toEqual(again)
    expect(parsePush(ORDER_PUSH.replace("PROCESSED", "SHIPPED")).dedupe_key).not.toEqual(again)
    expect(again).toMatch(/^3:727720655:220810QSK8S7BX:1660123127:[0-9a-f]{16}$/)
  })

  it("reads a partner-level push without a shop", () => {
    expect(parsePush('{"code":12,"timestamp":1660000000,"data":{"expire_before":1660600000}}')).toMatchObject({
      code: 12,
      shop_id: null,
      order_sn: null,
    })
  })

  it("keeps the parse error of a body that is not JSON, and no dedupe key", () => {
    const parsed = parsePush("code=3&shop_id=1")
    expect(parsed.parse_error).toMatch(/^The body is not JSON: /)
    expect(parsed.dedupe_key).toBeNull()
  })

  it("flags JSON without a code", () => {
    expect(parsePush('{"hello":"world"}').parse_error).toEqual("The push has no integer code")
    expect(parsePush("[1,2]").parse_error).toEqual("The body is JSON but not an object")
  })

  it("refuses values their columns cannot hold, naming each, and stores none of them", () => {
    const parsed = parsePush('{"code":3000000000,"shop_id":"7x","timestamp":12345678901234567890,"data":{"ordersn":"A\\u0000"}}')
    expect(parsed).toMatchObject({ code: null, shop_id: null, order_sn: null, shopee_timestamp: null })
    expect(parsed.parse_error).toEqual(
      "The push's code 3000000000 is out of range (0 to 9999); The push's shop_id is not a whole number; The push's ordersn contains a NUL character; The push's timestamp is not Unix seconds (0 to 2147483647)"
    )
  })

  it("refuses an order number that is not letters and digits", () => {
    expect(parsePush('{"code":3,"data":{"ordersn":"x\' OR 1=1"}}').parse_error).toMatch(/ordersn is not an order number/)
  })
})
