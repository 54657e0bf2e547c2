import { intList, optionalInt, queryParams, requiredInt } from "../api-params.js"
import type { ApiRoute } from "../api-route.js"
import type { StockUpdate } from "../catalogue.js"
import { itemBaseInfo, modelList } from "../item-views.js"
import { ITEM_STATUSES, type Item, type ItemStatus } from "../model.js"
import { ShopeeError, paramError, wrongParameter } from "../shopee-error.js"

function itemNotFound(): ShopeeError {
  return new ShopeeError("error_item_not_found", "Item_id is not found.", 404)
}

/** Reads update_stock's `stock_list`, rejecting the whole call on malformed entries as Shopee does. */
function readStockList(raw: unknown): StockUpdate[] {
  if (!Array.isArray(raw) || raw.length < 1 || raw.length > 50) {
    throw paramError("Wrong parameters, detail: stock_list length should be between 1 and 50.")
  }
  const updates = raw.map((entry: unknown, i): StockUpdate => {
    if (typeof entry !== "object" || entry === null) throw wrongParameter(`stock_list[${i}] should be an object`)
    const { model_id: modelId = 0, seller_stock: sellerStock } = entry as Record<string, unknown>
    if (typeof modelId !== "number" || !Number.isSafeInteger(modelId)) throw wrongParameter(`stock_list[${i}].model_id should be an integer`)
    if (!Array.isArray(sellerStock) || sellerStock.length === 0) throw wrongParameter(`stock_list[${i}].seller_stock is required`)
    return {
      model_id: modelId,
      seller_stock: sellerStock.map((s: unknown, j) => {
        const { location_id: locationId, stock } = (typeof s === "object" && s !== null ? s : {}) as Record<string, unknown>
        if (typeof stock !== "number" || !Number.isSafeInteger(stock) || stock < 0) {
          throw wrongParameter(`stock_list[${i}].seller_stock[${j}].stock should be a non-negative integer`)
        }
        if (locationId !== undefined && typeof locationId !== "string") {
          throw wrongParameter(`stock_list[${i}].seller_stock[${j}].location_id should be a string`)
        }
        return { location_id: locationId, stock }
      }),
    }
  })
  const ids = updates.map((u) => u.model_id)
  if (new Set(ids).size !== ids.length) throw paramError("Repeat model_id.")
  return updates
}

/** Catalogue reads and update_stock. */
export const productRoutes: ApiRoute[] = [
  {
    method: "GET",
    path: "/api/v2/product/get_item_list",
    call: "shop",
    handle({ sandbox, caller, params, query }) {
      const offset = requiredInt(params, "offset")
      if (offset < 0) throw wrongParameter("offset should not be negative")
      const pageSize = requiredInt(params, "page_size")
      if (pageSize < 1 || pageSize > 100) throw wrongParameter("page_size should be between 1 and 100")
      // Shopee takes item_status repeated (item_status=NORMAL&item_status=UNLIST); commas are tolerated.
      const statuses = query.getAll("item_status").flatMap((s) => s.split(",")).map((s) => s.trim()).filter((s) => s !== "")
      if (statuses.length === 0) throw wrongParameter("item_status is required")
      const invalid = statuses.find((s) => !(ITEM_STATUSES as readonly string[]).includes(s))
      if (invalid) throw wrongParameter(`item_status ${invalid} is invalid`)
      const updateFrom = optionalInt(params, "update_time_from")
      const updateTo = optionalInt(params, "update_time_to")
      const matching = sandbox.catalogue
        .itemsOfShop(caller.shopId as number)
        .filter(
          (i: Item) =>
            statuses.includes(i.item_status as ItemStatus) &&
            (updateFrom === undefined || i.update_time >= updateFrom) &&
            (updateTo === undefined || i.update_time <= updateTo),
        )
      const page = matching.slice(offset, offset + pageSize)
      const hasNext = offset + pageSize < matching.length
      return {
        response: {
          item: page.map((i) => ({ item_id: i.item_id, item_status: i.item_status, update_time: i.update_time })),
          total_count: matching.length,
          has_next_page: hasNext,
          next_offset: hasNext ? offset + pageSize : 0,
        },
      }
    },
  },
  {
    method: "GET",
    path: "/api/v2/product/get_item_base_info",
    call: "shop",
    handle({ sandbox, caller, query }) {
      const ids = intList(queryParams(query), "item_id_list", 1, 50)
      const shop = sandbox.accounts.shop(caller.shopId as number)!
      const items = ids.map((id) => sandbox.catalogue.item(id)).filter((i): i is Item => i !== undefined && i.shop_id === shop.shop_id)
      const missing = ids.filter((id) => !items.some((i) => i.item_id === id))
      return {
        response: { item_list: items.map((i) => itemBaseInfo(i, shop)) },
        ...(missing.length > 0 ? { warning: `item_id not found: ${missing.join(",")}` } : {}),
      }
    },
  },
  {
    method: "GET",
    path: "/api/v2/product/get_model_list",
    call: "shop",
    handle({ sandbox, caller, params }) {
      const item = sandbox.catalogue.item(requiredInt(params, "item_id"))
      if (!item || item.shop_id !== caller.shopId) throw itemNotFound()
      return { response: modelList(item, sandbox.accounts.shop(item.shop_id)!) }
    },
  },
  {
    method: "POST",
    path: "/api/v2/product/update_stock",
    call: "shop",
    handle({ sandbox, caller, params }) {
      const itemId = requiredInt(params, "item_id")
      const updates = readStockList(params.get("stock_list"))
      const item = sandbox.catalogue.item(itemId)
      if (!item || item.shop_id !== caller.shopId) throw itemNotFound()
      const result = sandbox.catalogue.updateStock(item, sandbox.accounts.shop(item.shop_id)!, updates)
      sandbox.changed()
      return { response: result }
    },
  },
]
