import type { SandboxClock } from "./clock.js"
import type { Item, ItemStatus, Model, SandboxState, SellerStock, Shop } from "./model.js"
import { modelRefusal, stockAfter, type StockUpdate } from "./stock-update-refusal.js"

export type { StockUpdate } from "./stock-update-refusal.js"

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

export interface StockUpdateResult {
  success_list: { model_id: number; location_id: string; stock: number }[]
  failure_list: { model_id: number; failed_reason: string }[]
}

/** Per-model facts update_stock needs from outside the catalogue (promotions, injected failures). */
export interface StockUpdateContext {
  lockedByPromotion(modelId: number): boolean
  /** An injected failure for this model, consumed when returned. */
  injectedFailure(modelId: number): string | null
}

export interface ModelRemap {
  old_model_id: number
  new_model_id: number
  model_sku: string
}

export class InsufficientStockError extends Error {}

export function totalStock(model: Model): number {
  return model.seller_stock.reduce((sum, s) => sum + s.stock, 0)
}

/** What an ordinary buyer can still buy: the seller stock not held for a promotion. */
export function normalStock(model: Model): number {
  return Math.max(0, totalStock(model) - model.reserved_stock)
}

/** Items, their models and per-location seller stock. */
export class Catalogue {
  private readonly byId = new Map<number, Item>()
  private indexedItems: Item[] | null = null
  private indexedCount = 0

  constructor(
    private readonly state: SandboxState,
    private readonly clock: SandboxClock
  ) {}

  addItem(shop: Shop, input: ItemInput): Item {
    const now = this.clock.nowSeconds()
    const itemId = ++this.state.counters.item
    const itemSku = input.item_sku ?? `SKU-${itemId}`
    const models =
      input.models && input.models.length > 0
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

  /** By id through an index, so a catalogue of thousands of items answers each lookup at once. */
  item(itemId: number): Item | undefined {
    this.refreshIndex()
    return this.byId.get(itemId)
  }

  itemsOfShop(shopId: number): Item[] {
    return this.state.items.filter((i) => i.shop_id === shopId)
  }

  /** Marks a stock or structure change: Shopee moves update_time, which is what delta reads follow. */
  touch(item: Item): void {
    item.update_time = this.clock.nowSeconds()
  }

  /**
   * Takes stock for an order from the first location that holds enough; returns that location.
   * An ordinary buyer (`reserveAvailable` null) only gets stock no promotion holds; a promotion
   * buyer takes from what the promotion still reserves.
   */
  takeStock(item: Item, model: Model, quantity: number, reserveAvailable: number | null): string {
    const fromReserve = reserveAvailable !== null
    const available = fromReserve ? Math.min(reserveAvailable, totalStock(model)) : normalStock(model)
    if (available === 0) throw new InsufficientStockError("is out of stock")
    if (available < quantity) throw new InsufficientStockError(`has only ${available} in stock`)
    const source = model.seller_stock.find((s) => s.stock >= quantity)
    if (!source) throw new InsufficientStockError(`has no single location holding ${quantity}`)
    source.stock -= quantity
    if (fromReserve) model.reserved_stock -= quantity
    this.touch(item)
    return source.location_id
  }

  returnStock(item: Item, model: Model, locationId: string, quantity: number, toReserve: boolean): void {
    const target = model.seller_stock.find((s) => s.location_id === locationId)
    if (target) target.stock += quantity
    else model.seller_stock.push({ location_id: locationId, stock: quantity })
    if (toReserve) model.reserved_stock += quantity
    this.touch(item)
  }

  /** Applies what it can and reports the rest, as Shopee's update_stock does. */
  updateStock(item: Item, shop: Shop, updates: StockUpdate[], context: StockUpdateContext): StockUpdateResult {
    const result: StockUpdateResult = { success_list: [], failure_list: [] }
    for (const update of updates) {
      const failure =
        modelRefusal(update, { item, shop, lockedByPromotion: context.lockedByPromotion(update.model_id) }) ??
        context.injectedFailure(update.model_id)
      if (failure) {
        result.failure_list.push({ model_id: update.model_id, failed_reason: failure })
        continue
      }
      const model = item.models.find((m) => m.model_id === update.model_id) as Model
      model.seller_stock = stockAfter(model, update, shop.location_ids[0])
      for (const entry of update.seller_stock) {
        result.success_list.push({ model_id: model.model_id, location_id: entry.location_id ?? shop.location_ids[0], stock: entry.stock })
      }
    }
    if (result.success_list.length > 0) this.touch(item)
    return result
  }

  /** The seller changing stock in Seller Center: no API call, no push, only update_time moves. */
  setStock(item: Item, model: Model, stock: SellerStock[]): void {
    model.seller_stock = stock.map((s) => ({ ...s }))
    this.touch(item)
  }

  /**
   * Shopee's init_tier_variation: every model gets a new model_id (the SKUs, names, prices and
   * stock stay), or the item is rebuilt from `models` when given. Old model ids stop existing.
   */
  restructure(item: Item, shop: Shop, models?: ModelInput[]): ModelRemap[] {
    const before = item.models
    const next =
      models && models.length > 0
        ? models.map((m, i) => this.buildModel(shop, m, ++this.state.counters.model, `${item.item_sku}-${i + 1}`, {}))
        : before.map((m) => ({ ...m, model_id: ++this.state.counters.model, seller_stock: m.seller_stock.map((s) => ({ ...s })) }))
    const remap: ModelRemap[] = []
    for (const model of next) {
      const old =
        before.find((m) => m.model_sku !== "" && m.model_sku === model.model_sku) ??
        (before.length === 1 && next.length === 1 ? before[0] : undefined)
      if (old) remap.push({ old_model_id: old.model_id, new_model_id: model.model_id, model_sku: model.model_sku })
    }
    item.models = next
    item.has_model = true
    this.touch(item)
    return remap
  }

  private refreshIndex(): void {
    // The state can be replaced wholesale (reset, state file): rebuild then; otherwise items only grow.
    if (this.indexedItems !== this.state.items || this.indexedCount > this.state.items.length) {
      this.byId.clear()
      this.indexedItems = this.state.items
      this.indexedCount = 0
    }
    for (; this.indexedCount < this.state.items.length; this.indexedCount++) {
      const item = this.state.items[this.indexedCount]
      this.byId.set(item.item_id, item)
    }
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
