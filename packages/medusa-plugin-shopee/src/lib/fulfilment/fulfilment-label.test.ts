import { fulfilmentToUse, labelsWithTracking, shipmentLabels } from "./fulfilment-label"

describe("fulfilmentToUse", () => {
  it("uses the recorded fulfilment while it is live, else the first live one, else none", () => {
    const a = { id: "ful_a", labels: [] }
    const b = { id: "ful_b", labels: [] }
    expect(fulfilmentToUse([a, b], "ful_b")).toBe(b)
    expect(fulfilmentToUse([a, b], "ful_cancelled")).toBe(a)
    expect(fulfilmentToUse([], "ful_b")).toBeNull()
  })
})

describe("labelsWithTracking", () => {
  it("adds a label with the tracking number, keeping the others", () => {
    expect(labelsWithTracking({ id: "ful_1", labels: [{ id: "flbl_1", tracking_number: "OTHER" }] }, "SG1")).toEqual([
      { id: "flbl_1" },
      { tracking_number: "SG1", tracking_url: "", label_url: "" },
    ])
  })

  it("changes nothing without a number or when a label already carries it", () => {
    expect(labelsWithTracking({ id: "ful_1", labels: [] }, null)).toBeNull()
    expect(labelsWithTracking({ id: "ful_1", labels: [{ id: "flbl_1", tracking_number: "SG1" }] }, "SG1")).toBeNull()
  })
})

describe("shipmentLabels", () => {
  const tracking = { tracking_number: "SG1", tracking_url: "", label_url: "" }
  const waybill = { tracking_number: "SG1", tracking_url: "", label_url: "/static/awb.pdf" }

  it("passes the existing labels on and adds none when one already carries the number", () => {
    expect(shipmentLabels([{ ...tracking, id: "flbl_1" } as never], "SG1")).toEqual([tracking])
    expect(shipmentLabels([waybill], "SG1")).toEqual([waybill])
    expect(shipmentLabels([tracking], null)).toEqual([tracking])
  })

  it("adds the number when no label carries it", () => {
    expect(shipmentLabels([], "SG1")).toEqual([tracking])
    expect(shipmentLabels([{ ...tracking, tracking_number: "OTHER" }], "SG1")).toEqual([
      { ...tracking, tracking_number: "OTHER" },
      tracking,
    ])
    expect(shipmentLabels([], null)).toEqual([])
  })
})
