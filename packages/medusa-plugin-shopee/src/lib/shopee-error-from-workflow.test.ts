import { isShopeeError, ShopeeServerError } from "@shopee-medusa/shopee-client"
import { serializeError } from "@medusajs/framework/utils"
import { shopeeErrorFromWorkflow } from "./shopee-error-from-workflow"

describe("shopeeErrorFromWorkflow", () => {
  it("makes a Shopee failure copied out of a workflow a ShopeeError again, with its fields", () => {
    const original = new ShopeeServerError({
      path: "/api/v2/order/get_order_list",
      status: 503,
      request_id: "req-1",
      error: "error_server",
      message: "busy",
    })
    const revived = shopeeErrorFromWorkflow(serializeError(original))
    expect(isShopeeError(revived)).toBe(true)
    expect(revived).toMatchObject({
      path: "/api/v2/order/get_order_list",
      status: 503,
      request_id: "req-1",
      error: "error_server",
      message: "busy",
    })
  })

  it("leaves any other error as it came", () => {
    const other = { name: "Error", message: "boom", path: "/x" }
    expect(shopeeErrorFromWorkflow(other)).toBe(other)
    const conflict = { name: "MedusaError", type: "conflict", message: "no" }
    expect(shopeeErrorFromWorkflow(conflict)).toBe(conflict)
  })
})
