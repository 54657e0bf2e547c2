import { CATALOGUE_OVERLAP_SECONDS, importScope, isRetiredStatus, READ_ITEM_STATUSES, RETIRED_ITEM_STATUSES } from "./import-scope"

describe("importScope", () => {
  it("lists the items on sale or unlisted for a full import, which retires every item it does not see", () => {
    expect(importScope("full", 5000, 9000)).toEqual({ mode: "full", statuses: ["NORMAL", "UNLIST"] })
  })

  it("lists the items of every status updated since the last import, with an overlap, so a ban or deletion is seen", () => {
    expect(importScope("incremental", 5000, 9000)).toEqual({
      mode: "incremental",
      window: { from: 5000 - CATALOGUE_OVERLAP_SECONDS, to: 9000 },
      statuses: ["NORMAL", "UNLIST", "BANNED", "REVIEWING", "SELLER_DELETE", "SHOPEE_DELETE"],
    })
  })

  it("makes a first incremental import a full one", () => {
    expect(importScope("incremental", null, 9000)).toEqual({ mode: "full", statuses: READ_ITEM_STATUSES })
  })
})

describe("isRetiredStatus", () => {
  it("retires banned, reviewed and deleted items and reads the others", () => {
    expect(RETIRED_ITEM_STATUSES.every(isRetiredStatus)).toBe(true)
    expect(READ_ITEM_STATUSES.some(isRetiredStatus)).toBe(false)
  })
})
