import { SHOPEE_HOSTS } from "./hosts.js"
import { PUSH_CODES, SHOPEE_REGIONS, pushCodeName } from "./vocabulary.js"

describe("pushCodeName", () => {
  it("names every code the vocabulary lists, each differently", () => {
    const names = Object.values(PUSH_CODES).map((code) => pushCodeName(code))
    expect(names.every((name) => !name.startsWith("code "))).toBe(true)
    expect(new Set(names).size).toBe(names.length)
  })

  it("uses Shopee's names, including the stock and promotion codes", () => {
    expect(pushCodeName(PUSH_CODES.ORDER_STATUS_UPDATE)).toBe("order status update")
    expect(pushCodeName(7)).toBe("item promotion")
    expect(pushCodeName(8)).toBe("reserved stock change")
    expect(pushCodeName(9)).toBe("promotion update")
    expect(pushCodeName(16)).toBe("item violation")
  })

  it("names an undocumented or missing code by what is known of it", () => {
    expect(pushCodeName(14)).toBe("code 14")
    expect(pushCodeName(null)).toBe("unknown code")
    expect(pushCodeName(undefined)).toBe("unknown code")
  })
})

describe("SHOPEE_REGIONS", () => {
  it("are the regions the client has a host for, in the same order", () => {
    expect(Object.keys(SHOPEE_HOSTS)).toEqual([...SHOPEE_REGIONS])
  })
})
