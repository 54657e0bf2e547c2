import { fulfilmentToUse, labelsWithTracking } from "./fulfilment-label"

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
