import { intList, optionalInt, optionalString, queryParams, requiredInt } from "../api-params.js"
import type { ApiRoute } from "../api-route.js"
import type { StockUpdate } from "../catalogue.js"
import { itemBaseInfo, itemPromotion, modelList } from "../item-views.js"
import { ITEM_STATUSES, type Item, type ItemStatus } from "../model.js"
import { ShopeeError, paramError, wrongParameter } from "../shopee-error.js"
import { callRefusal } from "../stock-update-refusal.js"

function itemNotFound(): ShopeeError {
  return new ShopeeError("error_item_not_found", "Item_id is not found.", 404)
}

/** Shopee's top-level error beside an update_stock answer whose failure_list is not empty. */
const UPDATE_STOCK_FAILED = {
  error: "error_busi_update_stock_failed",
  message: "Update stock failed, please check failure_list for detailed reason",
}

/** `item_status` repeated (item_status=NORMAL&item_status=UNLIST); commas are tolerated. */
function readStatuses(query: URLSearchParams, required: boolean): ItemStatus[] {
  const statuses = query
    .getAll("item_status")
    .flatMap((s) => s.split(","))
    .map((s) => s.trim())
    .filter((s) => s !== "")
  if (required && statuses.length === 0) throw wrongParameter("item_status is required")
  const invalid = statuses.find((s) => !(ITEM_STATUSES as readonly string[]).includes(s))
  if (invalid) throw new ShopeeError("error_param_item_status", `Invalid item status: ${invalid}`, 400)
  return statuses as ItemStatus[]
}

function readPageSize(params: ReturnType<typeof queryParams>): number {
  const pageSize = requiredInt(params, "page_size")
  if (pageSize < 1 || pageSize > 100) throw wrongParameter("page_size should be between 1 and 100")
  return pageSize
}

// search_item's cursor is an opaque string at Shopee; an encoded offset here, so a client that
// does arithmetic on it (or sends a number) is caught.
function encodeCursor(offset: number): string {
  return Buffer.from(`search:${offset}`).toString("base64url")
}

function decodeCursor(cursor: string | undefined): number {
  if (cursor === undefined) return 0
  const match = /^search:(\d+)$/.exec(Buffer.from(cursor, "base64url").toString("utf8"))
  if (!match) throw wrongParameter("offset is invalid, use next_offset of the previous page")
  return Number(match[1])
}

/** Reads update_stock's `stock_list`, rejecting the whole call on malformed entries as Shopee does. */
function readStockList(raw: unknown): StockUpdate[] {
  if (!Array.isArray(raw) || raw.length < 1 || raw.length > 50) {
    throw paramError("Wrong parameters, detail: stock_list length should be between 1 and 50.")
  }
  const updates = raw.map((entry: unknown, i): StockUpdate => {
    if (typeof entry !== "object" || entry === null) throw wrongParameter(`stock_list[${i}] should be an object`)
    const { model_id: modelId = 0, seller_stock: sellerStock } = entry as Record<string, unknown>
    if (typeof modelId !== "number" || !Number.isSafeInteger(modelId))
      throw wrongParameter(`stock_list[${i}].model_id should be an integer`)
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

/** Catalogue reads (list, base info, models, search, promotions) and update_stock. */
export const productRoutes: ApiRoute[] = [
  {
    method: "GET",
    path: "/api/v2/product/get_item_list",
    call: "shop",
    handle({ sandbox, caller, params, query }) {
      const offset = requiredInt(params, "offset")
      if (offset < 0) throw wrongParameter("offset should not be negative")
      const pageSize = readPageSize(params)
      const statuses = readStatuses(query, true)
      const updateFrom = optionalInt(params, "update_time_from")
      const updateTo = optionalInt(params, "update_time_to")
      if (updateFrom !== undefined && updateTo !== undefined && updateTo < updateFrom) {
        throw new ShopeeError("error_update_time_range", "update_time_to should be later than update_time_from", 400)
      }
      // Shopee refuses deep offsets; the way out is a narrower update_time window.
      if (offset >= sandbox.settings.item_list_offset_limit) throw paramError("get items offset over limit, please use the next field")
      const matching = sandbox.catalogue
        .itemsOfShop(caller.shopId as number)
        .filter(
          (i: Item) =>
            statuses.includes(i.item_status) &&
            (updateFrom === undefined || i.update_time >= updateFrom) &&
            (updateTo === undefined || i.update_time <= updateTo)
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
        response: { item_list: items.map((i) => itemBaseInfo(i, shop, sandbox.promotions)) },
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
      return { response: modelList(item, sandbox.accounts.shop(item.shop_id)!, sandbox.promotions) }
    },
  },
  {
    method: "GET",
    path: "/api/v2/product/search_item",
    call: "shop",
    handle({ sandbox, caller, params, query }) {
      const pageSize = readPageSize(params)
      const offset = decodeCursor(optionalString(params, "offset"))
      const itemSku = optionalString(params, "item_sku")
      const itemName = optionalString(params, "item_name")
      const attributeStatus = optionalInt(params, "attribute_status")
      if (itemSku === undefined && itemName === undefined && attributeStatus === undefined) {
        throw paramError("request must set one of [item_name,attribute_status]")
      }
      const statuses = readStatuses(query, false)
      const wanted = statuses.length > 0 ? statuses : ["NORMAL"]
      // Shopee: searching item_sku and item_name together returns only the item_sku matches.
      const matches = (i: Item) =>
        itemSku !== undefined
          ? i.item_sku === itemSku
          : itemName === undefined || i.item_name.toLowerCase().includes(itemName.toLowerCase())
      const found = sandbox.catalogue.itemsOfShop(caller.shopId as number).filter((i) => wanted.includes(i.item_status) && matches(i))
      const page = found.slice(offset, offset + pageSize)
      const hasNext = offset + pageSize < found.length
      return {
        response: {
          item_id_list: page.map((i) => i.item_id),
          total_count: found.length,
          next_offset: hasNext ? encodeCursor(offset + pageSize) : "",
        },
      }
    },
  },
  {
    method: "GET",
    path: "/api/v2/product/get_item_promotion",
    call: "shop",
    handle({ sandbox, caller, query }) {
      const ids = intList(queryParams(query), "item_id_list", 1, 50)
      if (new Set(ids).size !== ids.length) throw paramError("Repeat item_id.")
      const items = ids.map((id) => ({ id, item: sandbox.catalogue.item(id) }))
      const ours = (item: Item | undefined): item is Item => item !== undefined && item.shop_id === caller.shopId
      return {
        response: {
          success_list: items.filter(({ item }) => ours(item)).map(({ item }) => itemPromotion(item as Item, sandbox.promotions)),
          failure_list: items.filter(({ item }) => !ours(item)).map(({ id }) => ({ item_id: id, failed_reason: "Product not found" })),
        },
      }
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
      const shop = sandbox.accounts.shop(item.shop_id)!
      // Shopee's error list files these as error_auth-like refusals; the HTTP status is a guess.
      const refusal = callRefusal(shop, item)
      if (refusal) throw new ShopeeError(refusal.error, refusal.message, 403)
      let errorBeside = sandbox.settings.update_stock_error_beside_failures
      const result = sandbox.catalogue.updateStock(item, shop, updates, {
        lockedByPromotion: (modelId) => sandbox.promotions.locksStock(item.item_id, modelId),
        injectedFailure: (modelId) => {
          const rule = sandbox.stockFailures.take(item.item_id, modelId)
          if (rule?.with_error) errorBeside = true
          return rule?.failed_reason ?? null
        },
      })
      sandbox.changed()
      return { response: result, ...(errorBeside && result.failure_list.length > 0 ? { error: UPDATE_STOCK_FAILED } : {}) }
    },
  },
]
