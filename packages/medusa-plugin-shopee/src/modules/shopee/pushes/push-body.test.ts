import { storedPushBody } from "./push-body"

describe("storedPushBody", () => {
  it("keeps well-formed UTF-8 as text only", () => {
    expect(storedPushBody(Buffer.from('{"code":3,"note":"ร้าน"}'))).toEqual({ text: '{"code":3,"note":"ร้าน"}', base64: null, problem: null })
  })

  it("keeps the exact bytes of a body that is not UTF-8, and says so", () => {
    const bytes = Buffer.from([0x7b, 0xff, 0xfe, 0x7d])
    const stored = storedPushBody(bytes)
    expect(stored.problem).toEqual("The body is not UTF-8 text")
    expect(Buffer.from(stored.base64!, "base64").equals(bytes)).toBe(true)
  })

  it("takes NUL out of the text (PostgreSQL text cannot hold it) and keeps the bytes", () => {
    const bytes = Buffer.from('{"a":"x\u0000"}')
    const stored = storedPushBody(bytes)
    expect(stored.text).not.toContain("\u0000")
    expect(stored.problem).toMatch(/NUL byte/)
    expect(Buffer.from(stored.base64!, "base64").equals(bytes)).toBe(true)
  })

  it("leaves an escaped \\u0000 as the six characters it is", () => {
    expect(storedPushBody(Buffer.from('{"a":"\\u0000"}')).problem).toBeNull()
  })
})
