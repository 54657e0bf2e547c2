import { fingerprint } from "./fingerprint"

describe("fingerprint", () => {
  it("shows the first and last four characters and the length of a long secret", () => {
    const secret = "shpk" + "a".repeat(56) + "5863"
    expect(fingerprint(secret)).toEqual("shpk…5863·len64")
    expect(fingerprint("abcd" + "x".repeat(24) + "wxyz")).toEqual("abcd…wxyz·len32")
  })

  it("shows at most the last four characters of a secret shorter than 32", () => {
    expect(fingerprint("0123456789abcdef")).toEqual("…cdef·len16")
    expect(fingerprint("0123456789abcdef0123456789abcde")).toEqual("…bcde·len31")
    expect(fingerprint("0123456789ab")).toEqual("…89ab·len12")
  })

  it("shows only the length of a very short secret", () => {
    expect(fingerprint("abcdefgh")).toEqual("****·len8")
    expect(fingerprint("abcdefghijk")).toEqual("****·len11")
  })
})
