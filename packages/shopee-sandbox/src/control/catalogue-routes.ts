import { invalidField, notFound } from "./control-error.js"
import type { ControlRoute } from "./control-route.js"
import { readItemInput } from "./read-inputs.js"

/** Items with their models and stock. */
export const catalogueRoutes: ControlRoute[] = [
  {
    method: "GET",
    pattern: "/_control/items",
    handle({ sandbox, query }) {
      const shopId = query.get("shop_id")
      return { body: shopId === null ? sandbox.state.items : sandbox.catalogue.itemsOfShop(Number(shopId)) }
    },
  },
  {
    method: "GET",
    pattern: "/_control/items/:item_id",
    handle({ sandbox, params }) {
      const item = sandbox.catalogue.item(Number(params.item_id))
      if (!item) throw notFound(`item ${params.item_id} does not exist`)
      return { body: item }
    },
  },
  {
    method: "POST",
    pattern: "/_control/items",
    handle({ sandbox, input }) {
      const itemInput = readItemInput(input)
      const shop = sandbox.accounts.shop(itemInput.shop_id)
      if (!shop) throw invalidField("shop_id", `shop ${itemInput.shop_id} does not exist`)
      const item = sandbox.catalogue.addItem(shop, itemInput)
      sandbox.changed()
      return { status: 201, body: item }
    },
  },
]
