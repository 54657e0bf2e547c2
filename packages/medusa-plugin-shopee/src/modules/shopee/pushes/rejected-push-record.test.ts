import { bodyPrefix, boundedPushHeaders } from "./rejected-push-record"

describe("what a rejected push keeps", () => {
  it("keeps a Shopee signature as it came and only the length of any other Authorization", () => {
    const signature = "ab".repeat(32)
    expect(boundedPushHeaders({ authorization: signature })).toEqual({ authorization: signature })
    expect(boundedPushHeaders({ authorization: "x".repeat(8192) })).toEqual({ authorization: "[8192 characters, not kept]" })
    expect(boundedPushHeaders({ authorization: "Bearer abc" })).toEqual({ authorization: "[10 characters, not kept]" })
  })

  it("keeps only the push headers, each at most 200 characters", () => {
    const kept = boundedPushHeaders({
      "content-type": "application/json",
      "user-agent": "u".repeat(201),
      cookie: "connect.sid=secret",
      "x-forwarded-for": "203.0.113.9",
    })
    expect(kept).toEqual({
      "content-type": "application/json",
      "user-agent": "[201 characters, not kept]",
      "x-forwarded-for": "203.0.113.9",
    })
  })

  it("cuts a body to the limit, on a character boundary when it is text", () => {
    expect(bodyPrefix(Buffer.from("short"), 10)).toEqual({ bytes: Buffer.from("short"), truncated: false })
    expect(bodyPrefix(Buffer.from("abcdef"), 4)).toEqual({ bytes: Buffer.from("abcd"), truncated: true })
    // "é" is two bytes: cutting after its first byte would leave half a character.
    const cut = bodyPrefix(Buffer.from("abcé"), 4)
    expect(cut.bytes.toString("utf8")).toEqual("abc")
    expect(cut.truncated).toBe(true)
  })
})
