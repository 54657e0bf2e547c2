import type { Arrangement } from "../logistics/logistics.js"
import type { ShippingDocument } from "../logistics/shipping-documents.js"
import type { OrderStatus } from "../model.js"
import { packageLogistics } from "./package-logistics.js"

const DUE_MS = Date.UTC(2026, 0, 2, 3, 4, 5)

function order(order_status: OrderStatus, tracking_number = "") {
  return { order_status, package: { package_number: "OFG123", forder_id: "1", shipping_carrier: "SPX Express", tracking_number } }
}

function arrangement(change: Partial<Arrangement> = {}): Arrangement {
  return {
    mode: "dropoff",
    address_id: null,
    pickup_time_id: null,
    branch_id: 3001,
    arranged_at_ms: 0,
    tracking_due_at_ms: null,
    ...change,
  }
}

function document(change: Partial<ShippingDocument> = {}): ShippingDocument {
  return { type: "THERMAL_AIR_WAYBILL", status: "READY", created_at_ms: 0, ready_due_at_ms: null, fail_reason: null, ...change }
}

describe("packageLogistics", () => {
  test("an order not yet arranged: its package number and LOGISTICS_NOT_START, nothing else", () => {
    expect(packageLogistics(order("READY_TO_SHIP"), null, null)).toEqual({
      package_number: "OFG123",
      mode: "",
      logistics_status: "LOGISTICS_NOT_START",
      tracking: "",
      shipping_document: "",
    })
  })

  test("an arranged order waiting for its carrier's number shows it pending with the time it is due", () => {
    const view = packageLogistics(order("PROCESSED"), arrangement({ mode: "pickup", tracking_due_at_ms: DUE_MS }), null)
    expect(view).toMatchObject({ mode: "pickup", logistics_status: "LOGISTICS_READY", tracking: "pending (due 2026-01-02 03:04:05)" })
  })

  test("an arranged order with its tracking number and air waybill", () => {
    const view = packageLogistics(order("PROCESSED", "SPX0001"), arrangement(), document({ status: "PROCESSING" }))
    expect(view).toMatchObject({
      mode: "dropoff",
      logistics_status: "LOGISTICS_REQUEST_CREATED",
      tracking: "SPX0001",
      shipping_document: "THERMAL_AIR_WAYBILL PROCESSING",
    })
  })

  test("a failed air waybill shows the reason Shopee gives", () => {
    const failed = document({ type: "NORMAL_AIR_WAYBILL", status: "FAILED", fail_reason: "carrier rejected the package" })
    expect(packageLogistics(order("PROCESSED", "SPX0001"), arrangement(), failed).shipping_document).toBe(
      "NORMAL_AIR_WAYBILL FAILED: carrier rejected the package"
    )
  })

  test("a shipped order whose arrangement was forgotten (reset or restart) still shows its status and number", () => {
    expect(packageLogistics(order("SHIPPED", "SPX0002"), null, null)).toMatchObject({
      mode: "",
      logistics_status: "LOGISTICS_PICKUP_DONE",
      tracking: "SPX0002",
    })
  })
})
