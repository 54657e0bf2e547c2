import { planFromShopeeStatus, planFromSyncRow, type ArrangementRow, type ShopeeOrderState } from "./plan-arrangement"

const row: ArrangementRow = { order_sn: "251201AB", state: "imported", state_reason: null, order_id: "order_1", shipment_state: null }
const order: ShopeeOrderState = { order_sn: "251201AB", order_status: "READY_TO_SHIP" }

describe("planFromSyncRow", () => {
  it("asks Shopee for an imported order not yet arranged, also after a deferral or refusal", () => {
    expect(planFromSyncRow(row)).toEqual({ act: "ask_shopee" })
    expect(planFromSyncRow({ ...row, shipment_state: "deferred" })).toEqual({ act: "ask_shopee" })
    expect(planFromSyncRow({ ...row, shipment_state: "refused" })).toEqual({ act: "ask_shopee" })
  })

  it("never asks Shopee again once arranged: it only follows up", () => {
    expect(planFromSyncRow({ ...row, shipment_state: "arranged" })).toEqual({ act: "follow_up" })
  })

  it("refuses an order that is not in Medusa, saying why", () => {
    expect(planFromSyncRow({ ...row, state: "held", order_id: null, state_reason: "Unknown SKU X" })).toEqual({
      act: "refuse",
      code: "not_imported",
      reason: "Shopee order 251201AB is not imported into Medusa (held: Unknown SKU X)",
    })
  })
})

describe("planFromShopeeStatus", () => {
  it("arranges a READY_TO_SHIP order once, without a package number unless it is split", () => {
    expect(planFromShopeeStatus(order)).toEqual({ act: "arrange", packages: [undefined] })
    const pkg = (n: string) => ({ package_number: n, logistics_status: "", shipping_carrier: "", item_list: [] })
    expect(planFromShopeeStatus({ ...order, split_up: false, package_list: [pkg("P1")] })).toEqual({
      act: "arrange",
      packages: [undefined],
    })
    expect(planFromShopeeStatus({ ...order, split_up: true, package_list: [pkg("P1"), pkg("P2")] })).toEqual({
      act: "arrange",
      packages: ["P1", "P2"],
    })
  })

  it("refuses a cancelled order or one whose cancellation is asked, with who and why", () => {
    expect(
      planFromShopeeStatus({
        ...order,
        order_status: "CANCELLED",
        cancel_by: "buyer",
        buyer_cancel_reason: "Need to change delivery address",
      })
    ).toEqual({
      act: "refuse",
      code: "cancelled",
      reason: "Shopee order 251201AB was cancelled by buyer (Need to change delivery address): it is never shipped.",
    })
    const inCancel = planFromShopeeStatus({ ...order, order_status: "IN_CANCEL", cancel_by: "buyer", cancel_reason: "Changed mind" })
    expect(inCancel).toMatchObject({ act: "refuse", code: "cancelled" })
    expect((inCancel as { reason: string }).reason).toContain("IN_CANCEL")
    expect((inCancel as { reason: string }).reason).toContain("Changed mind")
  })

  it("counts an order Shopee already has PROCESSED or beyond as arranged", () => {
    for (const status of ["PROCESSED", "SHIPPED", "TO_CONFIRM_RECEIVE", "COMPLETED"] as const) {
      expect(planFromShopeeStatus({ ...order, order_status: status })).toEqual({ act: "already_arranged" })
    }
  })

  it("refuses an unpaid order and a failed pickup as not ready", () => {
    expect(planFromShopeeStatus({ ...order, order_status: "UNPAID" })).toMatchObject({ act: "refuse", code: "not_ready" })
    expect(planFromShopeeStatus({ ...order, order_status: "RETRY_SHIP" })).toMatchObject({ act: "refuse", code: "not_ready" })
  })
})
