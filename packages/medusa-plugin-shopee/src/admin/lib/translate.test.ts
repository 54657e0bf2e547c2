import { translateText, type Translate } from "./translate"

/** A `t` that shows what it was asked, so that the test sees the nesting. */
const t: Translate = (key, params) => `${key}${params && Object.keys(params).length ? JSON.stringify(params) : ""}`

describe("translateText", () => {
  it("translates a text parameter before the text that holds it", () => {
    expect(translateText(t, { key: "a", params: { n: 1, inner: { key: "b", params: { m: 2 } } } })).toBe('a{"n":1,"inner":"b{\\"m\\":2}"}')
    expect(translateText(t, { key: "plain" })).toBe("plain")
  })
})
