import { planSubscriptionCheck, subscriptionRef } from "./plan-subscription-check"

describe("planSubscriptionCheck", () => {
  it("does nothing while Shopee reports the subscription normal", () => {
    expect(planSubscriptionCheck({ live_push_status: "Normal" })).toEqual({ act: "healthy" })
  })

  it("raises a failing subscription as a warning", () => {
    expect(planSubscriptionCheck({ live_push_status: "Warning" })).toMatchObject({
      act: "raise",
      trouble: "warning",
      message: expect.stringContaining("suspends the subscription if this goes on"),
    })
  })

  it("raises a suspension with when it began and what to do", () => {
    const check = planSubscriptionCheck({ live_push_status: "Suspended", suspended_time: 1_760_000_000 })
    expect(check).toMatchObject({ act: "raise", trouble: "suspended" })
    expect(check.act === "raise" && check.message).toContain("since 2025-10-09T08:53:20.000Z")
    expect(check.act === "raise" && check.message).toContain("enable pushes again in Shopee's console")
  })

  it("raises a status it does not know, naming it, rather than reading it as healthy", () => {
    const check = planSubscriptionCheck({ live_push_status: "Paused" as never })
    expect(check).toMatchObject({ act: "raise", trouble: "warning", message: expect.stringContaining('"Paused"') })
  })

  it("keeps a warning and a suspension of one partner apart", () => {
    expect([subscriptionRef(7, "warning"), subscriptionRef(7, "suspended")]).toEqual(["partner:7:warning", "partner:7:suspended"])
  })
})
