import { emptySyncSummary } from "../orders/sync-summary"
import { storedSummary } from "./stored-summary"

describe("stored reconcile summary", () => {
  it("keeps the counts and the first twenty failures, not each order's outcome", () => {
    const failures = Array.from({ length: 25 }, (_, i) => ({ order_sn: `SN${i}`, message: "down" }))
    const summary = {
      environment: "sandbox" as const,
      time_from: 1,
      time_to: 2,
      orders_seen: 25,
      import: { ...emptySyncSummary(), failed: 25, failures, orders: { SN0: { outcome: "failed" as const, reason: "down" } } },
      lost_pushes: 0,
      stranded_pushes: 0,
    }
    const stored = storedSummary(summary)
    expect(stored.import).not.toHaveProperty("orders")
    expect(stored.import.failures).toHaveLength(20)
    expect(stored.import.failed).toBe(25)
  })
})
