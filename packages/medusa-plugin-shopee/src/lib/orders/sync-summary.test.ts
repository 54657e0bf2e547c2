import { addSyncSummary, summarizeOrderSyncs } from "./sync-summary"

describe("summarizeOrderSyncs", () => {
  it("counts each order's outcome and keeps each failure's error", () => {
    const summary = summarizeOrderSyncs({
      A1: { outcome: "imported", reason: "Order A1: imported" },
      B2: { outcome: "held", reason: "Shopee order B2 is held: no Medusa variant matches SKU X" },
      C3: { outcome: "failed", reason: "Shopee failed on /api/v2/order/get_order_detail" },
    })
    expect(summary).toMatchObject({ imported: 1, held: 1, failed: 1, updated: 0, unchanged: 0, stale: 0, skipped: 0 })
    expect(summary.failures).toEqual([{ order_sn: "C3", message: "Shopee failed on /api/v2/order/get_order_detail" }])
    expect(summary.orders.B2).toEqual({ outcome: "held", reason: "Shopee order B2 is held: no Medusa variant matches SKU X" })
  })

  it("adds batches, an order seen twice counted once at its latest outcome", () => {
    const first = summarizeOrderSyncs({ A1: { outcome: "failed", reason: "timeout" } })
    const second = summarizeOrderSyncs({
      A1: { outcome: "imported", reason: "Order A1: imported" },
      B2: { outcome: "unchanged", reason: "Order B2: unchanged" },
    })
    expect(addSyncSummary(first, second)).toMatchObject({ imported: 1, unchanged: 1, failed: 0, failures: [] })
  })
})
