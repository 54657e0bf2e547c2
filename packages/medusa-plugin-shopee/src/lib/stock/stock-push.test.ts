import { readStockPush } from "./stock-push"

const body = (code: number, data: unknown) => JSON.stringify({ code, shop_id: 1, timestamp: 1, data })

describe("readStockPush", () => {
  it("keeps the reserve a promotion takes (code 7) and frees the model when it ends", () => {
    expect(readStockPush(7, body(7, { item_id: 11, variation_id: 22, action: "promo_lock_stock", reserved_stock: 2 }))).toEqual({
      ok: true,
      effect: {
        item_id: "11",
        model_id: "22",
        reserved_stock: 2,
        promotion_active: null,
        item_status: null,
        summary: "promotion promo_lock_stock on item 11 model 22",
      },
    })
    const ended = readStockPush(7, body(7, { item_id: 11, variation_id: 0, action: "promo_end", reserved_stock: 0 }))
    expect(ended).toMatchObject({ ok: true, effect: { model_id: null, reserved_stock: 0, promotion_active: false } })
  })

  it("reads the new reserve of a reserved stock change (code 8) and ignores other changed values", () => {
    const data = {
      item_id: "11",
      variation_id: "22",
      action: "place_order",
      changed_values: [
        { name: "price", old: 1, new: 2 },
        { name: "reserved_stock", old: 3, new: 2 },
      ],
    }
    expect(readStockPush(8, body(8, data))).toMatchObject({ ok: true, effect: { item_id: "11", model_id: "22", reserved_stock: 2 } })
    expect(readStockPush(8, body(8, { item_id: 11, changed_values: [] }))).toMatchObject({ ok: true, effect: { reserved_stock: null } })
  })

  it("ends a promotion lock when the model leaves the promotion (code 9) and changes nothing else", () => {
    expect(readStockPush(9, body(9, { item_id: 11, variation_id: 22, action: "removed_from_promo" }))).toMatchObject({
      ok: true,
      effect: { promotion_active: false, reserved_stock: null },
    })
    expect(readStockPush(9, body(9, { item_id: 11, variation_id: 22, action: "added_in_promo" }))).toMatchObject({
      ok: true,
      effect: { promotion_active: null },
    })
  })

  it("reads the item status of a violation (code 16) for every model of the item", () => {
    expect(readStockPush(16, body(16, { item_id: 11, item_status: "BANNED", item_status_details: [] }))).toMatchObject({
      ok: true,
      effect: { item_id: "11", model_id: null, item_status: "BANNED", summary: "item 11 is now BANNED" },
    })
    expect(readStockPush(16, body(16, { item_id: 11 }))).toEqual({ ok: false, reason: "push 16 names no item_status" })
  })

  it("names what makes a push unusable", () => {
    expect(readStockPush(7, "not json")).toEqual({ ok: false, reason: "push 7 is not JSON" })
    expect(readStockPush(8, body(8, null))).toEqual({ ok: false, reason: "push 8 has no data" })
    expect(readStockPush(9, body(9, { item_id: -1 }))).toEqual({ ok: false, reason: "push 9 names no item_id" })
    expect(readStockPush(3, body(3, { item_id: 1 }))).toEqual({ ok: false, reason: "push 3 is not a stock push" })
  })
})
