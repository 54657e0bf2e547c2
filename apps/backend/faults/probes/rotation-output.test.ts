import { keyIdOfCiphertext, progressOf, verifyOf } from "./rotation-output"

describe("the rotation CLI's output", () => {
  it("reads a progress line, and nothing else as one", () => {
    expect(progressOf("re-encrypted 3/12 rows (25%)")).toEqual({ done: 3, total: 12 })
    expect(progressOf("done: 24 secrets moved to key 1a2b3c4d, 0 unreadable")).toBeNull()
  })

  it("reads the verify line among the others", () => {
    const output =
      "re-encrypted 1/1 rows (100%)\ndone: 2 secrets moved to key 1a2b3c4d, 0 unreadable\nverify: 3/4 secrets on key 1a2b3c4d, 1 unreadable — run again\n"
    expect(verifyOf(output)).toEqual({ onKey: 3, total: 4, keyId: "1a2b3c4d", unreadable: 1 })
    expect(verifyOf("done: 0 secrets moved")).toBeNull()
  })

  it("reads the key id of a stored ciphertext", () => {
    expect(keyIdOfCiphertext("v1:1a2b3c4d:aXY=:dGFn:ZGF0YQ==")).toBe("1a2b3c4d")
    expect(keyIdOfCiphertext("plain text")).toBeNull()
  })
})
