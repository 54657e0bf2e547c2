import { fingerprint } from "./fingerprint"

describe("fingerprint", () => {
  it("shows the first and last four characters and the length", () => {
    const secret = "shpk" + "a".repeat(56) + "5863"
    expect(fingerprint(secret)).toEqual("shpk…5863·len64")
  })

  it("shows only the length of a short secret", () => {
    expect(fingerprint("abcdefgh")).toEqual("****·len8")
  })
})
