import { normalStock, totalStock } from "../catalogue.js"
import { ITEM_STATUSES, type Item, type SellerStock } from "../model.js"
import { itemViolationPush } from "../push-messages.js"
import type { Sandbox } from "../sandbox.js"
import { conflict, invalidField, notFound } from "./control-error.js"
import type { ControlInput } from "./control-input.js"
import type { ControlRoute } from "./control-route.js"
import { readItemInput, readModelInputs, readStock } from "./read-inputs.js"

/** Bulk creation takes a whole test catalogue in one call (1,000 items, 10,000 models fit in the body limit). */
const BULK_ITEMS_MAX = 10_000
/** Statuses Shopee sets on its own for a violation, announced by push 16. */
const VIOLATION_STATUSES = ["BANNED", "SHOPEE_DELETE"]

function findItem(sandbox: Sandbox, itemId: string): Item {
  const item = sandbox.catalogue.item(Number(itemId))
  if (!item) throw notFound(`item ${itemId} does not exist`)
  return item
}

/** An item's stock as a test wants to read it: per model, the total, the promotion reserve and what ordinary buyers can still buy. */
export function itemStockView(sandbox: Sandbox, item: Item): Record<string, unknown> {
  return {
    item_id: item.item_id,
    item_sku: item.item_sku,
    item_status: item.item_status,
    has_model: item.has_model,
    has_promotion: sandbox.promotions.hasPromotion(item.item_id),
    update_time: item.update_time,
    models: item.models.map((m) => ({
      model_id: m.model_id,
      model_sku: m.model_sku,
      stock: totalStock(m),
      reserved_stock: m.reserved_stock,
      normal_stock: normalStock(m),
      seller_stock: m.seller_stock,
      has_promotion: sandbox.promotions.hasPromotion(item.item_id, m.model_id),
    })),
  }
}

/** Items with their models and stock, and what happens to them on Shopee's side. */
export const catalogueRoutes: ControlRoute[] = [
  {
    method: "GET",
    pattern: "/_control/items",
    handle({ sandbox, query }) {
      const shopId = query.get("shop_id")
      return { body: shopId === null ? sandbox.state.items : sandbox.catalogue.itemsOfShop(Number(shopId)) }
    },
  },
  { method: "GET", pattern: "/_control/items/:item_id", handle: ({ sandbox, params }) => ({ body: findItem(sandbox, params.item_id) }) },
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
  {
    method: "POST",
    pattern: "/_control/items/bulk",
    handle({ sandbox, input }) {
      input.only(["shop_id", "items"])
      const shopId = input.int("shop_id", { required: true })
      const shop = sandbox.accounts.shop(shopId)
      if (!shop) throw invalidField("shop_id", `shop ${shopId} does not exist`)
      // Every entry is read before any is created: a bad one leaves the catalogue untouched.
      const entries = input.objects("items", { required: true, min: 1, max: BULK_ITEMS_MAX }) as ControlInput[]
      const inputs = entries.map((entry) => readItemInput(entry, shopId))
      const created = inputs.map((itemInput) => sandbox.catalogue.addItem(shop, itemInput))
      sandbox.changed()
      return {
        status: 201,
        body: {
          items: created.map((i) => ({
            item_id: i.item_id,
            item_sku: i.item_sku,
            models: i.models.map((m) => ({ model_id: m.model_id, model_sku: m.model_sku })),
          })),
        },
      }
    },
  },
  {
    method: "GET",
    pattern: "/_control/items/:item_id/stock",
    handle: ({ sandbox, params }) => ({ body: itemStockView(sandbox, findItem(sandbox, params.item_id)) }),
  },
  {
    method: "POST",
    pattern: "/_control/items/:item_id/stock",
    handle({ sandbox, params, input }) {
      input.only(["model_id", "stock"])
      const item = findItem(sandbox, params.item_id)
      const modelId = input.int("model_id", { min: 0 }) ?? 0
      const model = item.models.find((m) => m.model_id === modelId)
      if (!model) throw invalidField("model_id", `model ${modelId} is not a model of item ${item.item_id}`)
      const given = readStock(input)
      if (given === undefined) throw invalidField("stock", "is required")
      const shop = sandbox.accounts.shop(item.shop_id)!
      const stock: SellerStock[] = typeof given === "number" ? [{ location_id: shop.location_ids[0], stock: given }] : given
      const unknown = stock.find((s) => !shop.location_ids.includes(s.location_id))
      if (unknown) throw invalidField("stock", `location ${unknown.location_id} is not a location of shop ${shop.shop_id}`)
      const total = stock.reduce((sum, s) => sum + s.stock, 0)
      if (total < model.reserved_stock) throw invalidField("stock", `${total} is below the ${model.reserved_stock} reserved for promotions`)
      sandbox.catalogue.setStock(item, model, stock)
      sandbox.changed()
      return { body: itemStockView(sandbox, item) }
    },
  },
  {
    method: "POST",
    pattern: "/_control/items/:item_id/restructure",
    handle({ sandbox, params, input }) {
      input.only(["models"])
      const item = findItem(sandbox, params.item_id)
      const models = readModelInputs(input)
      if (!item.has_model && models === undefined) throw invalidField("models", `item ${item.item_id} has no models: give the new ones`)
      if (sandbox.promotions.hasPromotion(item.item_id))
        throw conflict(`item ${item.item_id} is in a running promotion: end it before restructuring`)
      const remap = sandbox.catalogue.restructure(item, sandbox.accounts.shop(item.shop_id)!, models)
      sandbox.changed()
      return { body: { item, model_id_map: remap } }
    },
  },
  {
    method: "POST",
    pattern: "/_control/items/:item_id/status",
    handle({ sandbox, params, input }) {
      input.only(["item_status", "violation_type", "violation_reason", "suggestion"])
      const item = findItem(sandbox, params.item_id)
      item.item_status = input.oneOf("item_status", ITEM_STATUSES, { required: true })
      sandbox.catalogue.touch(item)
      if (VIOLATION_STATUSES.includes(item.item_status)) {
        const now = sandbox.clock.nowSeconds()
        const detail = {
          violation_type: input.string("violation_type") ?? "Prohibited Listing",
          violation_reason: input.string("violation_reason") ?? "Sandbox violation",
          suggestion: input.string("suggestion") ?? "",
          fix_deadline_time: now + 3 * 24 * 60 * 60,
          update_time: now,
        }
        sandbox.pushToShopPartners(item.shop_id, itemViolationPush(item, [detail]))
      }
      sandbox.changed()
      return { body: item }
    },
  },
]
