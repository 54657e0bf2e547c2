import { EXCEPTION_KINDS, type ExceptionKind } from "../../modules/shopee/exceptions/vocabulary"
import { MAX_DESCRIPTION_LENGTH, planNotification, type OpenedException } from "./plan-notification"

const opened = (kind: ExceptionKind, message = "Something happened."): OpenedException => ({
  id: "shexc_01",
  environment: "sandbox",
  kind,
  message,
})

describe("planNotification", () => {
  it("notifies an expiring authorization, a failing push subscription, a stopped stock writer and an oversell, and nothing else", () => {
    const notifying = EXCEPTION_KINDS.filter((kind) => planNotification(opened(kind)) !== null)
    expect(notifying.sort()).toEqual(["authorization_expiring", "oversell", "push_subscription_failing", "stock_writer_disarmed"])
  })

  it("addresses every admin user's feed with the admin-ui template, keyed on the exception so it is sent once", () => {
    expect(planNotification(opened("oversell", "PKM-1: 1 sold, 0 available."))).toEqual({
      to: "",
      channel: "feed",
      template: "admin-ui",
      idempotency_key: "shopee-exception:shexc_01",
      data: {
        title: "Shopee order oversold (sandbox)",
        description: "PKM-1: 1 sold, 0 available. See Shopee > Exceptions in the admin.",
      },
    })
  })

  it("names the environment in the title, and leaves it out for a row from before environments", () => {
    expect(planNotification({ ...opened("stock_writer_disarmed"), environment: "live" })!.data.title).toBe(
      "Shopee stock writer stopped (live)"
    )
    expect(planNotification({ ...opened("authorization_expiring"), environment: null })!.data.title).toBe("Shopee authorization expiring")
  })

  it("says nothing of a kind it does not know (a row an older version wrote)", () => {
    expect(planNotification({ ...opened("oversell"), kind: "retired_kind" })).toBeNull()
  })

  it("cuts a long cause so the panel stays readable", () => {
    const description = planNotification(opened("push_subscription_failing", "x".repeat(2000)))!.data.description
    expect(description).toHaveLength(MAX_DESCRIPTION_LENGTH)
    expect(description.endsWith("…")).toBe(true)
  })
})
