import { type AbsoluteWriteInput, guardAbsoluteWrite, pendingShopeeSales, type WriteAnchor } from "./absolute-write-guard"

const anchored = (shopee_stock: number, pending = 0, imported_total = 0): WriteAnchor => ({ shopee_stock, pending, imported_total })

const input = (overrides: Partial<AbsoluteWriteInput>): AbsoluteWriteInput => ({
  mode: "mirror",
  available: 5,
  buffer: 0,
  shopee_now: 5,
  promotion_reserved: 0,
  anchor: anchored(5),
  imported_total_now: 0,
  ...overrides,
})

describe("guardAbsoluteWrite", () => {
  it("writes Medusa's figure when nothing sold on Shopee since the anchor", () => {
    expect(guardAbsoluteWrite(input({ available: 3 }))).toMatchObject({
      write: 3,
      pending_shopee_sales: 0,
      pending_counted: false,
      oversell_suspected: false,
      anchor_if_written: { shopee_stock: 3, pending: 0, imported_total: 0 },
    })
  })

  it("second-to-last copy bought on Shopee (push held) while the store sells the last: Shopee ends at 0, never 1", () => {
    // Two copies, both listed; Shopee took one, Medusa only knows the store's sale.
    const decision = guardAbsoluteWrite(input({ available: 1, shopee_now: 1, anchor: anchored(2) }))
    expect(decision).toMatchObject({ write: 0, pending_shopee_sales: 1, pending_counted: true, oversell_suspected: false })
    expect(decision.reason).toEqual("1 to 0; 1 sold on Shopee not yet imported")
  })

  it("both sold the very last copy: oversell suspected and Shopee stays at 0", () => {
    const decision = guardAbsoluteWrite(input({ available: 0, shopee_now: 0, anchor: anchored(1) }))
    expect(decision).toMatchObject({ write: null, pending_shopee_sales: 1, oversell_suspected: true })
    expect(decision.reason).toEqual("Shopee already shows 0; 1 sold on Shopee not yet imported; oversold by 1")
  })

  it("flags an oversell and writes 0 when Shopee still shows stock", () => {
    // Anchor 3; two sold on Shopee (held), Medusa sold two of its own from the same 3.
    expect(guardAbsoluteWrite(input({ available: 1, shopee_now: 1, anchor: anchored(3) }))).toMatchObject({
      write: 0,
      pending_shopee_sales: 2,
      oversell_suspected: true,
    })
  })

  it("carries pending sales across writes while the push stays held", () => {
    // Written 5; Shopee sold 1 (held), the store 1: write 3 and remember 1 pending.
    const first = guardAbsoluteWrite(input({ available: 4, shopee_now: 4, anchor: anchored(5) }))
    expect(first).toMatchObject({ write: 3, anchor_if_written: { shopee_stock: 3, pending: 1, imported_total: 0 } })
    // The store sells another; Shopee still shows what was written. Writing 3 would give the held unit back.
    const second = guardAbsoluteWrite(input({ available: 3, shopee_now: 3, anchor: first.anchor_if_written }))
    expect(second).toMatchObject({ write: 2, pending_shopee_sales: 1 })
  })

  it("stops counting a sale once its order is imported", () => {
    // Written 2 with 1 pending (Medusa had 3). The held order arrives: Medusa reserves it (3 -> 2),
    // the imported total rises by 1, and the store sells one more (2 -> 1).
    const decision = guardAbsoluteWrite(input({ available: 1, shopee_now: 2, anchor: anchored(2, 1, 7), imported_total_now: 8 }))
    expect(decision).toMatchObject({ write: 1, pending_shopee_sales: 0 })
  })

  it("counts an import landing between the counter and Medusa's read twice, erring low, and corrects it next run", () => {
    // Shopee sold 1 after the anchor; its import is in Medusa's figure but not yet in the counter read before it.
    const first = guardAbsoluteWrite(input({ available: 4, shopee_now: 4, anchor: anchored(5, 0, 0), imported_total_now: 0 }))
    expect(first).toMatchObject({ write: 3, pending_shopee_sales: 1 })
    expect(first.anchor_if_written).toEqual({ shopee_stock: 3, pending: 1, imported_total: 0 })
    const next = guardAbsoluteWrite(input({ available: 4, shopee_now: 3, anchor: first.anchor_if_written, imported_total_now: 1 }))
    expect(next).toMatchObject({ write: 4, pending_shopee_sales: 0 })
  })

  it("keeps the buffer off the figure left after pending sales, and reports no oversell while units remain", () => {
    expect(guardAbsoluteWrite(input({ available: 3, buffer: 2, shopee_now: 3, anchor: anchored(5) }))).toMatchObject({
      write: 0,
      pending_shopee_sales: 2,
      oversell_suspected: false,
    })
  })

  it("mirror overwrites a hand edit that raised Shopee with Medusa's figure", () => {
    expect(guardAbsoluteWrite(input({ available: 5, shopee_now: 8, anchor: anchored(5) }))).toMatchObject({
      write: 5,
      pending_shopee_sales: 0,
      shopee_above_expected: true,
    })
  })

  it("decrease only lowers a hand edit above Medusa's figure and leaves one below it", () => {
    const lowered = guardAbsoluteWrite(input({ mode: "decrease_only", available: 5, shopee_now: 8, anchor: anchored(5) }))
    expect(lowered).toMatchObject({ write: 5, shopee_above_expected: true })
    const restocked = guardAbsoluteWrite(input({ mode: "decrease_only", available: 9, shopee_now: 8, anchor: anchored(5) }))
    expect(restocked).toMatchObject({ write: null })
    const handLowered = guardAbsoluteWrite(input({ mode: "decrease_only", available: 5, shopee_now: 2, anchor: anchored(2) }))
    expect(handLowered).toMatchObject({ write: null })
  })

  it("mirror raises after a restock by what is really left", () => {
    expect(guardAbsoluteWrite(input({ available: 9, shopee_now: 4, anchor: anchored(5) }))).toMatchObject({ write: 8 })
  })

  it("never writes below Shopee's promotion reserve", () => {
    expect(guardAbsoluteWrite(input({ available: 1, shopee_now: 6, promotion_reserved: 3, anchor: anchored(6) }))).toMatchObject({
      write: 3,
    })
  })

  it("counts nothing pending before the first write of a model", () => {
    expect(guardAbsoluteWrite(input({ available: 4, shopee_now: 9, anchor: null }))).toMatchObject({
      write: 4,
      pending_shopee_sales: 0,
      shopee_above_expected: false,
    })
  })

  it("counts no sale for an imported order that Shopee cancelled: Shopee gave its unit back itself", () => {
    // Anchored after the import (1 unit imported, Shopee 3); Shopee cancels it and shows 4 before
    // Medusa imports the cancellation, which leaves the imported total at 1 (cancelled orders count).
    const beforeImport = input({ available: 3, shopee_now: 4, anchor: anchored(3, 0, 1), imported_total_now: 1 })
    expect(guardAbsoluteWrite(beforeImport)).toMatchObject({ pending_shopee_sales: 0, write: 3 })
    // Medusa then releases the unit: nothing is held back for good.
    const afterImport = input({ available: 4, shopee_now: 3, anchor: anchored(3, 0, 1), imported_total_now: 1 })
    expect(guardAbsoluteWrite(afterImport)).toMatchObject({ pending_shopee_sales: 0, write: 4 })
  })
})

describe("pendingShopeeSales", () => {
  it("counts Shopee's drop since the anchor, less the units imported since, plus those pending then", () => {
    expect(pendingShopeeSales({ anchor: anchored(2), shopee_now: 1, imported_total_now: 0 })).toEqual({ pending: 1, unexplained: 1 })
    expect(pendingShopeeSales({ anchor: anchored(2), shopee_now: 1, imported_total_now: 1 })).toEqual({ pending: 0, unexplained: 0 })
    expect(pendingShopeeSales({ anchor: anchored(3, 1), shopee_now: 3, imported_total_now: 0 })).toEqual({ pending: 1, unexplained: 1 })
  })

  it("counts nothing without an anchor, and nothing below 0 after a hand raise", () => {
    expect(pendingShopeeSales({ anchor: null, shopee_now: 0, imported_total_now: 4 })).toEqual({ pending: 0, unexplained: 0 })
    expect(pendingShopeeSales({ anchor: anchored(5), shopee_now: 8, imported_total_now: 0 })).toEqual({ pending: 0, unexplained: -3 })
  })
})
