import {
  creationFailure,
  labelView,
  planBulkLabels,
  planDocumentType,
  planLabelProgress,
  planLabelRequest,
  type LabelRow,
} from "./shipping-label-plan"

const row = (fields: Partial<LabelRow> = {}): LabelRow => ({
  id: "shord_1",
  order_sn: "SN1",
  shopee_status: "PROCESSED",
  shipment_state: "arranged",
  tracking_number: "SPX1",
  label_state: null,
  label_reason: null,
  label_document_type: null,
  label_file_id: null,
  ...fields,
})

describe("planLabelRequest", () => {
  it("creates the label of an arranged order with a tracking number, and of a failed label again", () => {
    expect(planLabelRequest(row())).toEqual({ act: "create" })
    expect(planLabelRequest(row({ label_state: "failed", label_reason: "x" }))).toEqual({ act: "create" })
  })

  it("counts an order PROCESSED on Shopee as arranged, even when arranged in Seller Centre", () => {
    expect(planLabelRequest(row({ shipment_state: null, shopee_status: "PROCESSED" }))).toEqual({ act: "create" })
  })

  it("keeps a label requested or ready: nothing is created twice", () => {
    expect(planLabelRequest(row({ label_state: "requested" }))).toEqual({ act: "keep" })
    expect(planLabelRequest(row({ label_state: "ready", label_file_id: "f1", shopee_status: "SHIPPED" }))).toEqual({ act: "keep" })
  })

  it.each([
    ["not arranged", row({ shipment_state: null, shopee_status: "READY_TO_SHIP" }), /not arranged yet/],
    ["deferred", row({ shipment_state: "deferred", shopee_status: "READY_TO_SHIP" }), /not arranged yet/],
    ["without a tracking number", row({ tracking_number: null }), /no tracking number yet/],
    ["cancelled", row({ shopee_status: "CANCELLED" }), /cancelled on Shopee \(CANCELLED\)/],
    ["in cancellation, even when requested", row({ shopee_status: "IN_CANCEL", label_state: "requested" }), /cancelled on Shopee/],
    ["picked up by the carrier", row({ shopee_status: "SHIPPED" }), /no longer prints/],
  ])("refuses an order %s, naming why", (_name, given, reason) => {
    const plan = planLabelRequest(given)
    expect(plan.act).toBe("refuse")
    expect(plan.act === "refuse" && plan.reason).toMatch(reason)
  })
})

describe("planDocumentType", () => {
  it("takes Shopee's suggestion, else the first selectable type", () => {
    expect(planDocumentType({ order_sn: "A", suggest_shipping_document_type: "THERMAL_AIR_WAYBILL" })).toEqual({
      type: "THERMAL_AIR_WAYBILL",
    })
    expect(planDocumentType({ order_sn: "A", selectable_shipping_document_type: ["NORMAL_AIR_WAYBILL"] })).toEqual({
      type: "NORMAL_AIR_WAYBILL",
    })
  })

  it("fails with Shopee's reason, or when no type is offered or nothing answered", () => {
    expect(planDocumentType({ order_sn: "A", fail_error: "logistics.package_can_not_print", fail_message: "cannot print" })).toEqual({
      fail: "Shopee: cannot print",
    })
    expect(planDocumentType({ order_sn: "A", selectable_shipping_document_type: [] })).toEqual({
      fail: expect.stringMatching(/no shipping document type/),
    })
    expect(planDocumentType(undefined)).toEqual({ fail: expect.stringMatching(/did not answer/) })
  })
})

describe("creationFailure", () => {
  it("reads a package's refusal as the reason, and an accepted package as none", () => {
    expect(creationFailure({ fail_error: "logistics.tracking_number_invalid", fail_message: "bad number" })).toBe("Shopee: bad number")
    expect(creationFailure({ fail_error: "logistics.tracking_number_invalid" })).toBe("Shopee: logistics.tracking_number_invalid")
    expect(creationFailure({})).toBeNull()
    expect(creationFailure(undefined)).toMatch(/did not answer/)
  })
})

describe("planLabelProgress", () => {
  it("downloads READY, waits on PROCESSING or no answer, fails FAILED with Shopee's reason", () => {
    expect(planLabelProgress({ order_sn: "A", status: "READY" })).toEqual({ act: "download" })
    expect(planLabelProgress({ order_sn: "A", status: "PROCESSING" })).toEqual({ act: "wait" })
    expect(planLabelProgress(undefined)).toEqual({ act: "wait" })
    expect(planLabelProgress({ order_sn: "A", status: "FAILED", fail_error: "e", fail_message: "Carrier down" })).toEqual({
      act: "fail",
      reason: "Shopee: Carrier down",
    })
    expect(planLabelProgress({ order_sn: "A", status: "FAILED" })).toEqual({ act: "fail", reason: "Shopee could not make the label" })
  })
})

describe("labelView", () => {
  it("gives the file route once ready, the reason only when failed, and nulls when never requested", () => {
    expect(labelView(row({ label_state: "ready", label_file_id: "f1" }))).toEqual({
      state: "ready",
      url: "/admin/shopee/orders/shord_1/label/file",
      reason: null,
    })
    expect(labelView(row({ label_state: "failed", label_reason: "Shopee: down" }))).toEqual({
      state: "failed",
      url: null,
      reason: "Shopee: down",
    })
    expect(labelView(row({ label_state: "requested" }))).toEqual({ state: "requested", url: null, reason: null })
    expect(labelView(row())).toEqual({ state: null, url: null, reason: null })
  })
})

describe("planBulkLabels", () => {
  const ready = (id: string, sn: string, type = "THERMAL_AIR_WAYBILL") =>
    row({ id, order_sn: sn, label_state: "ready", label_file_id: `f-${id}`, label_document_type: type })

  it("downloads the ready labels in the order asked, with their one document type", () => {
    expect(planBulkLabels(["b", "a"], [ready("a", "SA"), ready("b", "SB")])).toEqual({
      download: [{ order_sn: "SB" }, { order_sn: "SA" }],
      shipping_document_type: "THERMAL_AIR_WAYBILL",
    })
  })

  it("names every id without a ready label: unknown, requested, failed", () => {
    const plan = planBulkLabels(
      ["a", "x", "r", "f"],
      [ready("a", "SA"), row({ id: "r", label_state: "requested" }), row({ id: "f", label_state: "failed" })]
    )
    expect(plan).toEqual({ refuse: "These Shopee orders have no ready label: x, r, f" })
  })

  it("refuses labels of different document types", () => {
    expect(planBulkLabels(["a", "b"], [ready("a", "SA"), ready("b", "SB", "NORMAL_AIR_WAYBILL")])).toEqual({
      refuse: expect.stringMatching(/different document types/),
    })
  })
})
