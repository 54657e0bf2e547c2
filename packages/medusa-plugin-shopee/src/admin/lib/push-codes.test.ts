import { pushCodeLabel } from "./push-codes"

describe("pushCodeLabel", () => {
  it("labels a code with the client's name for it, capitalized", () => {
    expect(pushCodeLabel(3)).toBe("Order status update")
    expect(pushCodeLabel(5)).toBe("Shopee updates")
  })

  it("labels an undocumented or missing code so that the row still says something", () => {
    expect(pushCodeLabel(99)).toBe("Code 99")
    expect(pushCodeLabel(null)).toBe("Unknown code")
  })
})
