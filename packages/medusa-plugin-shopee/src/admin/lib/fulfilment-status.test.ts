import en from "../i18n/json/en.json"
import { arrangeAvailability, fulfilmentLabelKey, fulfilmentStatus, type FulfilmentRow } from "./fulfilment-status"

const row = (fields: Partial<FulfilmentRow>): FulfilmentRow => ({
  order_id: "order_1",
  shopee_status: "READY_TO_SHIP",
  shipment_state: null,
  ...fields,
})
const words = (fields: Partial<FulfilmentRow>) => {
  const status = fulfilmentStatus(row(fields))
  // The English words, read from the shipped file through the key the status names.
  return status && (en.shopee.fulfilment.status as Record<string, string>)[fulfilmentLabelKey(status.key).split(".").pop()!]
}
const ready = { state: "ready" as const, url: "/file", reason: null }

describe("fulfilmentStatus", () => {
  it("an order ready to ship with nothing asked is To ship", () => {
    expect(words({})).toBe("To ship")
  })

  it("an arranged shipment is Arranged until its label is ready", () => {
    expect(words({ shipment_state: "arranged", shopee_status: "PROCESSED" })).toBe("Arranged")
    expect(words({ shipment_state: "arranged", label: { state: "requested", url: null, reason: null } })).toBe("Arranged")
    expect(words({ shipment_state: "arranged", label: ready })).toBe("Label ready")
  })

  it("an order arranged in Seller Centre (PROCESSED, nothing on the row) is Arranged", () => {
    expect(words({ shopee_status: "PROCESSED" })).toBe("Arranged")
  })

  it("Shopee's progress wins over the row: Shipped, then Delivered", () => {
    expect(words({ shipment_state: "arranged", shopee_status: "SHIPPED", label: ready })).toBe("Shipped")
    expect(words({ shipment_state: "arranged", shopee_status: "TO_CONFIRM_RECEIVE" })).toBe("Shipped")
    expect(words({ shipment_state: "arranged", shopee_status: "COMPLETED" })).toBe("Delivered")
  })

  it("a refused arrangement is Refused, a deferred one Retry later", () => {
    expect(fulfilmentStatus(row({ shipment_state: "refused", shopee_status: "CANCELLED" }))).toEqual({ key: "refused", color: "red" })
    expect(fulfilmentStatus(row({ shipment_state: "deferred" }))).toEqual({ key: "retry_later", color: "orange" })
  })

  it("no status for an order with no fulfilment to speak of", () => {
    expect(fulfilmentStatus(row({ shopee_status: "UNPAID" }))).toBeNull()
    expect(fulfilmentStatus(row({ shopee_status: "CANCELLED" }))).toBeNull()
    expect(fulfilmentStatus(row({ shopee_status: null }))).toBeNull()
  })

  it("a row without a label field (from before labels) reads as no label", () => {
    expect(words({ shipment_state: "arranged", label: undefined })).toBe("Arranged")
    expect(words({ shipment_state: "arranged", label: null })).toBe("Arranged")
  })
})

describe("arrangeAvailability", () => {
  it("an imported order ready to ship may be arranged, also after a refusal or a deferral", () => {
    expect(arrangeAvailability(row({}))).toEqual({ can: true })
    expect(arrangeAvailability(row({ shipment_state: "deferred" }))).toEqual({ can: true })
    expect(arrangeAvailability(row({ shipment_state: "refused" }))).toEqual({ can: true })
  })

  it("says why not: not imported, arranged, cancelled on Shopee, not ready", () => {
    expect(arrangeAvailability(row({ order_id: null }))).toEqual({ can: false, why: { key: "shopee.fulfilment.why.notImported" } })
    expect(arrangeAvailability(row({ shipment_state: "arranged" }))).toEqual({ can: false, why: { key: "shopee.fulfilment.why.arranged" } })
    expect(arrangeAvailability(row({ shopee_status: "IN_CANCEL" }))).toEqual({
      can: false,
      why: { key: "shopee.fulfilment.why.cancelled", params: { status: "IN_CANCEL" } },
    })
    expect(arrangeAvailability(row({ shopee_status: "UNPAID" }))).toEqual({
      can: false,
      why: { key: "shopee.fulfilment.why.notReady", params: { status: "UNPAID" } },
    })
    expect(arrangeAvailability(row({ shopee_status: null }))).toEqual({ can: false, why: { key: "shopee.fulfilment.why.unknownStatus" } })
  })
})
