import crypto from "node:crypto"
import { base64Needles, scanForSecrets } from "./secret-scan"

const SECRET = "shpk7a1c0ffee5e1f4b2d9a8c7b6a5f4e3d2c1b0a9f8e7d6c5b4a3f2e1d0c9b8"
const TOKEN = "eyJhbGciOi/+Token==with&odd=chars"

describe("scanForSecrets", () => {
  const noise = "x".repeat(40)

  it("finds a planted secret as is, in a log line and in a body", () => {
    const { findings } = scanForSecrets(
      [
        { source: "log", text: `line one\n${noise} partner_key=${SECRET} ${noise}\n` },
        { source: "GET /admin/x", text: `{"a":"${SECRET}"}` },
        { source: "GET /admin/y", text: "{}" },
      ],
      [SECRET]
    )
    expect(findings.map(({ source, form }) => [source, form])).toEqual([
      ["log", "plain"],
      ["GET /admin/x", "plain"],
    ])
    expect(findings[0].offset).toBe(`line one\n${noise} partner_key=`.length)
  })

  it("finds it URL-encoded", () => {
    const { findings } = scanForSecrets([{ source: "log", text: `GET /cb?t=${encodeURIComponent(TOKEN)}&x=1` }], [TOKEN])
    expect(findings.map(({ form }) => form)).toEqual(["url-encoded"])
  })

  it.each([0, 1, 2, 3, 4, 5])("finds it base64-encoded inside a longer stream (%i bytes before it)", (before) => {
    const stream = Buffer.concat([crypto.randomBytes(before), Buffer.from(TOKEN), crypto.randomBytes(7)])
    const { findings } = scanForSecrets(
      [
        { source: "base64", text: stream.toString("base64") },
        { source: "base64url", text: stream.toString("base64url") },
      ],
      [TOKEN]
    )
    expect(findings.map(({ source }) => source).sort()).toEqual(["base64", "base64url"])
  })

  it("names the secret by its place in the list, never by its value", () => {
    const { findings } = scanForSecrets([{ source: "log", text: TOKEN }], ["another-secret-value", TOKEN])
    expect(findings).toEqual([{ source: "log", form: "plain", secret: "secret 2 of 2 (33 characters)", offset: 0 }])
    expect(JSON.stringify(findings)).not.toContain(TOKEN)
  })

  it("finds nothing in texts without the secrets, and counts the secrets too short to scan", () => {
    const texts = [{ source: "log", text: `${noise} ${SECRET.slice(0, 30)} ${Buffer.from(SECRET.slice(5, 40)).toString("base64")}` }]
    expect(scanForSecrets(texts, [SECRET, "short", TOKEN])).toEqual({ findings: [], unscannable: 1 })
  })
})

describe("base64Needles", () => {
  it("keeps only the characters the secret alone decides", () => {
    // "abc" is "YWJj"; "\0abc" is "AGFiYw==" and "\0\0abc" is "AABhYmM=": the characters that mix in
    // a neighbouring byte ("AG", "w", "AAB", "M") are left off.
    expect(base64Needles("abc")).toEqual(["YWJj", "FiY", "hYm"])
  })
})
