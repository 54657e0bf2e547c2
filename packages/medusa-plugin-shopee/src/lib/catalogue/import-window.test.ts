import { CATALOGUE_OVERLAP_SECONDS, importScope } from "./import-window"

describe("importScope", () => {
  it("reads everything for a full import", () => {
    expect(importScope("full", 5000, 9000)).toEqual({ mode: "full" })
  })

  it("reads the items updated since the last import, with an overlap", () => {
    expect(importScope("incremental", 5000, 9000)).toEqual({ mode: "incremental", window: { from: 5000 - CATALOGUE_OVERLAP_SECONDS, to: 9000 } })
  })

  it("makes a first incremental import a full one", () => {
    expect(importScope("incremental", null, 9000)).toEqual({ mode: "full" })
  })
})
