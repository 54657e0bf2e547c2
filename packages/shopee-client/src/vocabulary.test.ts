import { SHOPEE_HOSTS } from "./hosts.js"
import { PUSH_CODES, SHOPEE_REGIONS, logisticsRefusalOf, pushCodeName } from "./vocabulary.js"

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

describe("logisticsRefusalOf", () => {
  it.each([
    ["logistics.error_param", "The order is being allocated, please wait until the allocate is completed.", "being_allocated"],
    ["logistics.no_available_time_slot", "No available time slot", "no_time_slot"],
    ["logistics.error_param", "Order has been shipped.", "already_shipped"],
    ["error_status", "The order has been cancelled.", "order_cancelled"],
    ["logistics.error_order_state", "Operation is not allow with current order status.", "order_cancelled"],
    ["logistics.error_param", "The order status is not ready to ship.", "not_ready"],
    ["error_param", "Shipping parameters can only be obtained when package is ready to be shipped", "not_ready"],
  ])("reads %s %j as %s", (error, message, refusal) => {
    expect(logisticsRefusalOf({ error, message })).toBe(refusal)
  })

  it("leaves any other failure, even one sharing the code, unread", () => {
    expect(logisticsRefusalOf({ error: "logistics.error_param", message: "The address is invalid. Please check the address." })).toBeNull()
    expect(logisticsRefusalOf({ error: "error_server", message: "System error. Please try again later." })).toBeNull()
  })
})
