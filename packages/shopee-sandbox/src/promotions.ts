import { normalStock, type Catalogue } from "./catalogue.js"
import type { SandboxClock } from "./clock.js"
import type { Item, Promotion, PromotionModel, SandboxState } from "./model.js"
import { itemPromotionPush, promotionUpdatePush, reservedStockChangePush, type PushPayload } from "./push-messages.js"

export interface PromotionInput {
  item_id: number
  /** Shopee's PromotionType names, e.g. "Flash Sale", "Discount Promotions". */
  promotion_type?: string
  /** False for promotions that forbid any stock edit while they run. */
  stock_editable?: boolean
  /** Seconds; defaults to a day after now. */
  end_time?: number
  models: { model_id: number; reserved_stock: number; promotion_price?: number }[]
}

/** A promotion the catalogue cannot satisfy, naming the input field. */
export class PromotionInputError extends Error {
  constructor(
    readonly field: string,
    message: string
  ) {
    super(message)
  }
}

export class PromotionStateError extends Error {}

const DAY_SECONDS = 24 * 60 * 60
const FIRST_PROMOTION_ID = 700000000000

/**
 * Promotions move part of each model's seller stock into a reserve that only promotion buyers
 * take, and give what is left back when they end. Every move is pushed as Shopee does: code 7
 * (item promotion), 8 (reserved stock change) and 9 (promotion update).
 */
export class Promotions {
  constructor(
    private readonly state: SandboxState,
    private readonly clock: SandboxClock,
    private readonly catalogue: Catalogue,
    private readonly push: (shopId: number, payload: PushPayload) => void
  ) {}

  get(promotionId: number): Promotion | undefined {
    return this.state.promotions.find((p) => p.promotion_id === promotionId)
  }

  ongoingOf(itemId: number): Promotion[] {
    return this.state.promotions.filter((p) => p.item_id === itemId && p.status === "ongoing")
  }

  hasPromotion(itemId: number, modelId?: number): boolean {
    return this.ongoingOf(itemId).some((p) => modelId === undefined || p.models.some((m) => m.model_id === modelId))
  }

  /** The model is in a running promotion that forbids stock edits. */
  locksStock(itemId: number, modelId: number): boolean {
    return this.ongoingOf(itemId).some((p) => !p.stock_editable && p.models.some((m) => m.model_id === modelId))
  }

  /** The running promotion that still holds stock of this model for its buyers, if any. */
  reserveFor(itemId: number, modelId: number): { promotion: Promotion; entry: PromotionModel } | undefined {
    for (const promotion of this.ongoingOf(itemId)) {
      const entry = promotion.models.find((m) => m.model_id === modelId && m.reserved_stock > 0)
      if (entry) return { promotion, entry }
    }
    return undefined
  }

  start(item: Item, input: PromotionInput): Promotion {
    if (item.item_status !== "NORMAL")
      throw new PromotionInputError("item_id", `item ${item.item_id} is ${item.item_status}: only NORMAL items join promotions`)
    const seen = new Set<number>()
    const entries = input.models.map((m, i): PromotionModel => {
      const model = item.models.find((x) => x.model_id === m.model_id)
      if (!model) throw new PromotionInputError(`models[${i}].model_id`, `model ${m.model_id} is not a model of item ${item.item_id}`)
      if (seen.has(m.model_id)) throw new PromotionInputError(`models[${i}].model_id`, `model ${m.model_id} is listed twice`)
      seen.add(m.model_id)
      if (m.reserved_stock > normalStock(model)) {
        throw new PromotionInputError(
          `models[${i}].reserved_stock`,
          `model ${m.model_id} has only ${normalStock(model)} stock not already reserved`
        )
      }
      return { model_id: m.model_id, reserved_stock: m.reserved_stock, promotion_price: m.promotion_price ?? model.current_price }
    })
    const now = this.clock.nowSeconds()
    const promotion: Promotion = {
      promotion_id: this.nextId(),
      shop_id: item.shop_id,
      item_id: item.item_id,
      promotion_type: input.promotion_type ?? "Flash Sale",
      status: "ongoing",
      stock_editable: input.stock_editable ?? true,
      start_time: now,
      end_time: input.end_time ?? now + DAY_SECONDS,
      models: entries,
    }
    this.state.promotions.push(promotion)
    for (const entry of entries) {
      const model = item.models.find((x) => x.model_id === entry.model_id)!
      const old = model.reserved_stock
      model.reserved_stock += entry.reserved_stock
      this.push(item.shop_id, promotionUpdatePush(promotion, entry.model_id, "added_in_promo", now))
      this.push(item.shop_id, itemPromotionPush(promotion, entry.model_id, "promo_lock_stock", entry.reserved_stock, now))
      if (entry.reserved_stock > 0) {
        this.push(
          item.shop_id,
          reservedStockChangePush(promotion, entry.model_id, "promo_lock_stock", { old, new: model.reserved_stock }, now)
        )
      }
    }
    this.catalogue.touch(item)
    return promotion
  }

  /** Ends (promo_end) or cancels (promo_cancelled) a promotion: what it still holds goes back to normal stock. */
  end(promotion: Promotion, how: "promo_end" | "promo_cancelled"): Promotion {
    if (promotion.status !== "ongoing") throw new PromotionStateError(`promotion ${promotion.promotion_id} is already ${promotion.status}`)
    const item = this.catalogue.item(promotion.item_id)
    promotion.status = how === "promo_end" ? "ended" : "cancelled"
    const now = this.clock.nowSeconds()
    if (how === "promo_end") promotion.end_time = Math.min(promotion.end_time, now)
    for (const entry of promotion.models) {
      const model = item?.models.find((x) => x.model_id === entry.model_id)
      const released = entry.reserved_stock
      entry.reserved_stock = 0
      this.push(promotion.shop_id, itemPromotionPush(promotion, entry.model_id, how, 0, now))
      if (model && released > 0) {
        const old = model.reserved_stock
        model.reserved_stock = Math.max(0, old - released)
        this.push(promotion.shop_id, reservedStockChangePush(promotion, entry.model_id, how, { old, new: model.reserved_stock }, now))
      }
      this.push(promotion.shop_id, promotionUpdatePush(promotion, entry.model_id, "removed_from_promo", now))
    }
    if (item) this.catalogue.touch(item)
    return promotion
  }

  /** A promotion buyer's order took `quantity` from the reserve (the catalogue already moved the stock). */
  reserveTaken(
    promotion: Promotion,
    entry: PromotionModel,
    modelReserveBefore: number,
    modelReserveAfter: number,
    quantity: number,
    orderSn: string
  ): void {
    entry.reserved_stock -= quantity
    const change = { old: modelReserveBefore, new: modelReserveAfter, ordersn: orderSn }
    this.push(promotion.shop_id, reservedStockChangePush(promotion, entry.model_id, "place_order", change, this.clock.nowSeconds()))
  }

  /** A cancelled promotion order gives its stock back to the reserve while the promotion runs. */
  reserveReturned(
    promotion: Promotion,
    modelId: number,
    modelReserveBefore: number,
    modelReserveAfter: number,
    quantity: number,
    orderSn: string
  ): void {
    const entry = promotion.models.find((m) => m.model_id === modelId)
    if (entry) entry.reserved_stock += quantity
    const change = { old: modelReserveBefore, new: modelReserveAfter, ordersn: orderSn }
    this.push(promotion.shop_id, reservedStockChangePush(promotion, modelId, "cancel_order", change, this.clock.nowSeconds()))
  }

  private nextId(): number {
    // State files written before promotions existed have no promotion counter.
    this.state.counters.promotion = (this.state.counters.promotion ?? FIRST_PROMOTION_ID) + 1
    return this.state.counters.promotion
  }
}
