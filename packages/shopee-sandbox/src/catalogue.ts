import type { SandboxClock } from "./clock.js"
import type { Item, ItemStatus, Model, SandboxState, SellerStock, Shop } from "./model.js"

export interface ModelInput {
  model_name?: string
  model_sku?: string
  price?: number
  original_price?: number
  /** A number (all at the shop's default location) or per-location stock. */
  stock?: number | SellerStock[]
  reserved_stock?: number
}

export interface ItemInput extends ModelInput {
  shop_id: number
  item_name: string
  item_sku?: string
  item_status?: ItemStatus
  category_id?: number
  weight?: number
  /** Variations; without them the item has one implicit model with model_id 0. */
  models?: ModelInput[]
}

export interface StockUpdate {
  model_id: number
  seller_stock: { location_id?: string; stock: number }[]
}

export interface StockUpdateResult {
  success_list: { model_id: number; location_id: string; stock: number }[]
  failure_list: { model_id: number; failed_reason: string }[]
}

export class InsufficientStockError extends Error {}

export function totalStock(model: Model): number {
  return model.seller_stock.reduce((sum, s) => sum + s.stock, 0)
}

/** Items, their models and per-location seller stock. */
export class Catalogue {
  constructor(
    private readonly state: SandboxState,
    private readonly clock: SandboxClock,
  ) {}

  addItem(shop: Shop, input: ItemInput): Item {
    const now = this.clock.nowSeconds()
    const itemId = ++this.state.counters.item
    const itemSku = input.item_sku ?? `SKU-${itemId}`
    const models = input.models && input.models.length > 0
      ? input.models.map((m, i) => this.buildModel(shop, m, ++this.state.counters.model, `${itemSku}-${i + 1}`, input))
      : [this.buildModel(shop, input, 0, "", input)]
    const item: Item = {
      item_id: itemId,
      shop_id: shop.shop_id,
      item_name: input.item_name,
      item_sku: itemSku,
      item_status: input.item_status ?? "NORMAL",
      has_model: models[0].model_id !== 0,
      models,
      category_id: input.category_id ?? 100001,
      weight: input.weight ?? 0.5,
      create_time: now,
      update_time: now,
    }
    this.state.items.push(item)
    return item
  }

  item(itemId: number): Item | undefined {
    return this.state.items.find((i) => i.item_id === itemId)
  }

  itemsOfShop(shopId: number): Item[] {
    return this.state.items.filter((i) => i.shop_id === shopId)
  }

  /** Takes stock for an order from the first location that holds enough; returns that location. */
  takeStock(model: Model, quantity: number): string {
    const source = model.seller_stock.find((s) => s.stock >= quantity)
    if (!source) throw new InsufficientStockError(`only ${totalStock(model)} in stock`)
    source.stock -= quantity
    return source.location_id
  }

  returnStock(model: Model, locationId: string, quantity: number): void {
    const target = model.seller_stock.find((s) => s.location_id === locationId)
    if (target) target.stock += quantity
    else model.seller_stock.push({ location_id: locationId, stock: quantity })
  }

  /** Applies what it can and reports the rest, as Shopee's update_stock does. */
  updateStock(item: Item, shop: Shop, updates: StockUpdate[]): StockUpdateResult {
    const result: StockUpdateResult = { success_list: [], failure_list: [] }
    for (const update of updates) {
      const failure = this.stockUpdateFailure(item, shop, update)
      if (failure) {
        result.failure_list.push({ model_id: update.model_id, failed_reason: failure })
        continue
      }
      const model = item.models.find((m) => m.model_id === update.model_id) as Model
      for (const entry of update.seller_stock) {
        const locationId = entry.location_id ?? shop.location_ids[0]
        const slot = model.seller_stock.find((s) => s.location_id === locationId)
        if (slot) slot.stock = entry.stock
        else model.seller_stock.push({ location_id: locationId, stock: entry.stock })
        result.success_list.push({ model_id: model.model_id, location_id: locationId, stock: entry.stock })
      }
    }
    if (result.success_list.length > 0) item.update_time = this.clock.nowSeconds()
    return result
  }

  private stockUpdateFailure(item: Item, shop: Shop, update: StockUpdate): string | null {
    const model = item.models.find((m) => m.model_id === update.model_id)
    if (!model) return item.has_model && update.model_id === 0
      ? "Can't to edit item stock directly while item has models."
      : "Wrong model_id."
    const unknown = update.seller_stock.find((s) => s.location_id !== undefined && !shop.location_ids.includes(s.location_id))
    if (unknown) return "Invalid stock location ID"
    const after = model.seller_stock.map((s) => ({ ...s }))
    for (const entry of update.seller_stock) {
      const locationId = entry.location_id ?? shop.location_ids[0]
      const slot = after.find((s) => s.location_id === locationId)
      if (slot) slot.stock = entry.stock
      else after.push({ location_id: locationId, stock: entry.stock })
    }
    const newTotal = after.reduce((sum, s) => sum + s.stock, 0)
    if (newTotal < model.reserved_stock) return "Can not update item with stock less than reserved stock"
    return null
  }

  private buildModel(shop: Shop, input: ModelInput, modelId: number, defaultSku: string, item: ModelInput): Model {
    const price = input.price ?? item.price ?? 10
    const stock = input.stock ?? 10
    return {
      model_id: modelId,
      model_name: input.model_name ?? (modelId === 0 ? "" : `Variation ${modelId}`),
      model_sku: input.model_sku ?? defaultSku,
      current_price: price,
      original_price: input.original_price ?? item.original_price ?? price,
      seller_stock: typeof stock === "number" ? [{ location_id: shop.location_ids[0], stock }] : stock.map((s) => ({ ...s })),
      reserved_stock: input.reserved_stock ?? 0,
    }
  }
}
