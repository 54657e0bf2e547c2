import { missingFieldsMessage, missingProfileFields } from "./profile-completeness"

describe("missingProfileFields", () => {
  it("names every missing required field in a stable order", () => {
    expect(missingProfileFields({ partner_id: null, partner_key_encrypted: null, shop_id: null })).toEqual([
      "partner_id",
      "partner_key",
      "shop_id",
    ])
    expect(missingProfileFields({ partner_id: "2001", partner_key_encrypted: "v1:…", shop_id: null })).toEqual(["shop_id"])
  })

  it("finds nothing missing on a complete profile", () => {
    expect(missingProfileFields({ partner_id: "2001", partner_key_encrypted: "v1:…", shop_id: "77" })).toEqual([])
  })

  it("words the message as the operator sees it", () => {
    expect(missingFieldsMessage(["shop_id"])).toEqual("Missing: shop_id")
  })
})
