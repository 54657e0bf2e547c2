import { parseShopId, shopForCallback } from "./oauth-callback-shop"

describe("which shop an OAuth callback may store tokens for", () => {
  it("reads plain digits only", () => {
    expect(parseShopId("700001")).toEqual("700001")
    for (const bad of ["0x10", "1e3", " 7", "-5", "0", "", "7.0", "99999999999999999"]) {
      expect(parseShopId(bad)).toBeNull()
    }
  })

  it("without a state, renews only the shop the profile already names", () => {
    expect(shopForCallback({ withState: false, profileShopId: "700001", queryShopId: "700001" })).toEqual({
      ok: true,
      shop_id: "700001",
      adopt: false,
    })
    expect(shopForCallback({ withState: false, profileShopId: "700001", queryShopId: undefined })).toEqual({
      ok: true,
      shop_id: "700001",
      adopt: false,
    })
    expect(shopForCallback({ withState: false, profileShopId: "700001", queryShopId: "999" })).toEqual({
      ok: false,
      reason: "missing_state",
    })
    expect(shopForCallback({ withState: false, profileShopId: null, queryShopId: "999" })).toEqual({ ok: false, reason: "missing_state" })
  })

  it("with a state, takes Shopee's shop and adopts it only when the profile has none", () => {
    expect(shopForCallback({ withState: true, profileShopId: null, queryShopId: "999" })).toEqual({ ok: true, shop_id: "999", adopt: true })
    expect(shopForCallback({ withState: true, profileShopId: "700001", queryShopId: "999" })).toEqual({
      ok: true,
      shop_id: "999",
      adopt: false,
    })
    expect(shopForCallback({ withState: true, profileShopId: null, queryShopId: undefined })).toEqual({ ok: false, reason: "bad_shop_id" })
  })

  it("refuses a shop id that is not plain digits, state or not", () => {
    expect(shopForCallback({ withState: true, profileShopId: null, queryShopId: "0x10" })).toEqual({ ok: false, reason: "bad_shop_id" })
    expect(shopForCallback({ withState: false, profileShopId: "16", queryShopId: "0x10" })).toEqual({ ok: false, reason: "bad_shop_id" })
  })
})
