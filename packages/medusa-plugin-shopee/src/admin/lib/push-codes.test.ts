import { PUSH_CODES } from "@shopee-medusa/shopee-client/vocabulary"
import en from "../i18n/json/en.json"
import { englishPushCodeLabel, pushCodeLabel } from "./push-codes"

const english = en.shopee.pushCodes as Record<string, string>

describe("pushCodeLabel", () => {
  it("names each documented code by its own key, worded in English as the client names it", () => {
    for (const code of Object.values(PUSH_CODES)) {
      const { key } = pushCodeLabel(code)
      expect(key).toBe(`shopee.pushCodes.c${code}`)
      expect(english[`c${code}`]).toBe(englishPushCodeLabel(code))
    }
    expect(english.c3).toBe("Order status update")
  })

  it("labels an undocumented or missing code so that the row still says something", () => {
    expect(pushCodeLabel(99)).toEqual({ key: "shopee.pushCodes.other", params: { code: 99 } })
    expect(english.other).toBe("Code {{code}}")
    expect(pushCodeLabel(null)).toEqual({ key: "shopee.pushCodes.unknown" })
    expect(english.unknown).toBe("Unknown code")
  })
})
