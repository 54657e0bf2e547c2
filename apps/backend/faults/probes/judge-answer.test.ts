import { judgeAnswer } from "./judge-answer"

const json = (value: unknown) => JSON.stringify(value)

describe("judgeAnswer", () => {
  it("fails every 5xx, whatever was expected", () => {
    expect(judgeAnswer({ kind: "acknowledged" }, { status: 500, body: "boom", location: null })).toBe("500: boom")
    expect(judgeAnswer({ kind: "refused" }, { status: 503, body: "", location: null })).toMatch(/^503/)
  })

  it("takes a 4xx with a message naming the field, and refuses a bare or vague one", () => {
    const refused = { kind: "refused", mentions: "partner_id" } as const
    expect(
      judgeAnswer(refused, {
        status: 400,
        body: json({ type: "invalid_data", message: "partner_id must be a positive integer" }),
        location: null,
      })
    ).toBeNull()
    expect(judgeAnswer(refused, { status: 400, body: json({ type: "invalid_data", message: "Invalid request" }), location: null })).toMatch(
      /does not name partner_id/
    )
    expect(judgeAnswer(refused, { status: 400, body: "Bad Request", location: null })).toMatch(/without a message/)
    expect(judgeAnswer(refused, { status: 200, body: json({ ok: true }), location: null })).toBe("200, not a 4xx")
  })

  it("takes a 200 for a push, and nothing else", () => {
    expect(judgeAnswer({ kind: "acknowledged" }, { status: 200, body: "", location: null })).toBeNull()
    expect(judgeAnswer({ kind: "acknowledged" }, { status: 401, body: "", location: null })).toMatch(/not 200/)
  })

  it("takes a callback's 302 only with a status=error and a reason", () => {
    const redirected = { kind: "redirected" } as const
    expect(
      judgeAnswer(redirected, { status: 302, body: "", location: "http://x/app/shopee?env=sandbox&status=error&reason=missing_code" })
    ).toBeNull()
    expect(judgeAnswer(redirected, { status: 302, body: "", location: "http://x/app/shopee?status=ok" })).toMatch(/names no refusal reason/)
    expect(judgeAnswer(redirected, { status: 400, body: "", location: null })).toMatch(/not a 302/)
  })
})
