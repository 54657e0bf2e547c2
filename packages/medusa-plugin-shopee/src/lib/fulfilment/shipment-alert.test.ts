import { shipmentAlertOf } from "./shipment-alert"

describe("shipmentAlertOf", () => {
  it("raises a failed delivery and a return for a person, naming the order and the status", () => {
    expect(shipmentAlertOf("251206AB", "RETRY_SHIP")).toMatchObject({ kind: "delivery_failed" })
    expect(shipmentAlertOf("251206AB", "RETRY_SHIP")?.message).toContain("Shopee order 251206AB is RETRY_SHIP")
    expect(shipmentAlertOf("251206AB", "TO_RETURN")).toMatchObject({ kind: "return_requested" })
    expect(shipmentAlertOf("251206AB", "TO_RETURN")?.message).toContain("TO_RETURN")
  })

  it("has no alert for the other statuses", () => {
    for (const status of ["READY_TO_SHIP", "PROCESSED", "SHIPPED", "COMPLETED", "CANCELLED", "IN_CANCEL"] as const) {
      expect(shipmentAlertOf("251206AB", status)).toBeNull()
    }
  })
})
