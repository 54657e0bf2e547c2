import crypto from "node:crypto"
import { buildKeyring } from "./encryption-keys"
import { decryptSecret, encryptSecret, keyIdOf, type SecretContext } from "./secret-box"

const keyA = crypto.randomBytes(32).toString("hex")
const keyB = crypto.randomBytes(32).toString("base64")
const context: SecretContext = { table: "shopee_profile", rowId: "shprof_1", column: "partner_key", environment: "sandbox" }

describe("secret box", () => {
  const ringA = buildKeyring({ encryptionKey: keyA })!

  it("round-trips a secret and never stores it in the clear", () => {
    const stored = encryptSecret("shpk-very-secret-partner-key", ringA, context)
    expect(stored).not.toContain("shpk-very-secret")
    expect(decryptSecret(stored, ringA, context)).toEqual("shpk-very-secret-partner-key")
  })

  it("writes a fresh IV each time", () => {
    expect(encryptSecret("same", ringA, context)).not.toEqual(encryptSecret("same", ringA, context))
  })

  it.each([
    ["another row", { rowId: "shprof_2" }],
    ["another column", { column: "push_partner_key" }],
    ["another environment", { environment: "live" }],
  ])("refuses a ciphertext copied to %s", (_, change) => {
    const stored = encryptSecret("secret-value-1234", ringA, context)
    expect(() => decryptSecret(stored, ringA, { ...context, ...change })).toThrow(/authentication failed/)
  })

  it("names the key a ciphertext was written with, and reads it while that key is a previous key", () => {
    const stored = encryptSecret("rotating-secret-value", ringA, context)
    const ringB = buildKeyring({ encryptionKey: keyB, previousEncryptionKeys: keyA })!
    expect(keyIdOf(stored)).toEqual(ringA.current.id)
    expect(ringB.current.id).not.toEqual(ringA.current.id)
    expect(decryptSecret(stored, ringB, context)).toEqual("rotating-secret-value")
    const onlyB = buildKeyring({ encryptionKey: keyB })!
    expect(() => decryptSecret(stored, onlyB, context)).toThrow(/which this server does not have/)
  })

  it("does not quote the ciphertext or the secret in its errors", () => {
    const stored = encryptSecret("do-not-leak-me-please", ringA, context)
    try {
      decryptSecret(stored, ringA, { ...context, rowId: "other" })
      throw new Error("expected a failure")
    } catch (error) {
      expect(String(error)).not.toContain("do-not-leak-me-please")
      expect(String(error)).not.toContain(stored.split(":")[4])
    }
  })
})

describe("buildKeyring", () => {
  it("is null when neither a dedicated key nor JWT_SECRET is set", () => {
    expect(buildKeyring({})).toBeNull()
  })

  it("derives a key from JWT_SECRET, the same one every time", () => {
    expect(buildKeyring({ jwtSecret: "s1" })!.current.id).toEqual(buildKeyring({ jwtSecret: "s1" })!.current.id)
    expect(buildKeyring({ jwtSecret: "s1" })!.current.id).not.toEqual(buildKeyring({ jwtSecret: "s2" })!.current.id)
  })

  it("prefers the dedicated key and keeps the JWT-derived one readable", () => {
    const derivedOnly = buildKeyring({ jwtSecret: "s1" })!
    const both = buildKeyring({ encryptionKey: keyA, jwtSecret: "s1" })!
    expect(both.current.id).toEqual(buildKeyring({ encryptionKey: keyA })!.current.id)
    expect(both.all.map((key) => key.id)).toContain(derivedOnly.current.id)
  })

  it("refuses a dedicated key that is not 32 bytes, without quoting it", () => {
    expect(() => buildKeyring({ encryptionKey: "too-short-key" })).toThrow(
      "SHOPEE_ENCRYPTION_KEY must be 32 bytes written as 64 hex characters or as base64"
    )
  })
})
