import type { Accounts } from "./accounts.js"
import { InsufficientStockError, type Catalogue } from "./catalogue.js"
import type { SandboxClock } from "./clock.js"
import type { Item, Model, Order, OrderLine, OrderStatus, RecipientAddress, SandboxState } from "./model.js"
import { newForderId, newOrderSn, newPackageNumber, newTrackingNumber } from "./order-identifiers.js"
import { canTransition, cancelTarget, nextStatus } from "./order-state-machine.js"
import type { Promotions } from "./promotions.js"

export interface OrderLineInput {
  item_id: number
  model_id?: number
  quantity?: number
  discounted_price?: number
}

export interface OrderInput {
  shop_id: number
  items: OrderLineInput[]
  /** Orders start UNPAID (as at Shopee) or, for convenience, already paid. */
  status?: "UNPAID" | "READY_TO_SHIP"
  buyer_username?: string
  recipient_address?: Partial<RecipientAddress>
  message_to_seller?: string
  cod?: boolean
  payment_method?: string
  days_to_ship?: number
  shipping_fee?: number
  /** Hold back every push about this order until released (see PushDispatcher.hold). */
  hold_pushes?: boolean
}

/** A reference the order input makes that the sandbox cannot satisfy, naming the field. */
export class OrderInputError extends Error {
  constructor(
    readonly field: string,
    message: string
  ) {
    super(message)
  }
}

export class TransitionError extends Error {}

export type OrderEvent = "status" | "tracking"

const DAY_SECONDS = 24 * 60 * 60

function defaultAddress(region: string, name: string): RecipientAddress {
  return {
    name,
    phone: "6591234567",
    town: "",
    district: "",
    city: "Singapore",
    state: "Singapore",
    region,
    zipcode: "238801",
    full_address: "1 Orchard Road, #01-01, Singapore 238801",
  }
}

/** Orders: creation against the catalogue (taking stock), status changes, tracking numbers. */
export class Orders {
  constructor(
    private readonly state: SandboxState,
    private readonly clock: SandboxClock,
    private readonly accounts: Accounts,
    private readonly catalogue: Catalogue,
    private readonly promotions: Promotions,
    private readonly notify: (order: Order, event: OrderEvent) => void,
    /** Registers a hold on the order's pushes before the first one is sent. */
    private readonly holdPushes: (orderSn: string) => void
  ) {}

  get(orderSn: string): Order | undefined {
    return this.state.orders.find((o) => o.order_sn === orderSn)
  }

  ofShop(shopId: number): Order[] {
    return this.state.orders.filter((o) => o.shop_id === shopId)
  }

  create(input: OrderInput): Order {
    const shop = this.accounts.shop(input.shop_id)
    if (!shop) throw new OrderInputError("shop_id", `shop ${input.shop_id} does not exist`)
    const picked = input.items.map((line, i) => ({ line, ...this.pickModel(input.shop_id, line, i), index: i }))
    const orderSn = newOrderSn(this.clock.nowMs(), (sn) => this.get(sn) !== undefined)
    const lines: OrderLine[] = []
    const fromReserve: { line: OrderLine; before: number; after: number }[] = []
    try {
      for (const { line, item, model, index } of picked) {
        const quantity = line.quantity ?? 1
        const reserve = this.promotions.reserveFor(item.item_id, model.model_id)
        const reserveBefore = model.reserved_stock
        let locationId: string
        try {
          locationId = this.catalogue.takeStock(item, model, quantity, reserve ? reserve.entry.reserved_stock : null)
        } catch (err) {
          if (err instanceof InsufficientStockError) {
            const sku = model.model_sku || item.item_sku
            throw new OrderInputError(
              `items[${index}].quantity`,
              `${quantity} requested, but model ${model.model_id} (${sku}) of item ${item.item_id} ${err.message}`
            )
          }
          throw err
        }
        const orderLine: OrderLine = {
          order_item_id: ++this.state.counters.order_item,
          item_id: item.item_id,
          item_name: item.item_name,
          item_sku: item.item_sku,
          model_id: model.model_id,
          model_name: model.model_name,
          model_sku: model.model_sku,
          quantity,
          original_price: model.original_price,
          discounted_price: line.discounted_price ?? (reserve ? reserve.entry.promotion_price : model.current_price),
          location_id: locationId,
          promotion_id: reserve ? reserve.promotion.promotion_id : null,
        }
        lines.push(orderLine)
        if (reserve) fromReserve.push({ line: orderLine, before: reserveBefore, after: model.reserved_stock })
      }
    } catch (err) {
      this.restock(lines, orderSn, false)
      throw err
    }
    const now = this.clock.nowSeconds()
    const buyerId = ++this.state.counters.buyer
    const buyerUsername = input.buyer_username ?? `buyer_${buyerId}`
    const shippingFee = input.shipping_fee ?? 2
    const paid = input.status === "READY_TO_SHIP"
    const daysToShip = input.days_to_ship ?? 3
    const order: Order = {
      order_sn: orderSn,
      shop_id: shop.shop_id,
      order_status: paid ? "READY_TO_SHIP" : "UNPAID",
      status_before_cancel: null,
      region: shop.region,
      currency: shop.currency,
      cod: input.cod ?? false,
      lines,
      buyer_user_id: buyerId,
      buyer_username: buyerUsername,
      recipient_address: { ...defaultAddress(shop.region, buyerUsername), ...input.recipient_address },
      total_amount: lines.reduce((sum, l) => sum + l.discounted_price * l.quantity, 0) + shippingFee,
      estimated_shipping_fee: shippingFee,
      actual_shipping_fee: 0,
      message_to_seller: input.message_to_seller ?? "",
      payment_method: input.payment_method ?? (input.cod ? "Cash on Delivery" : "Credit Card/Debit Card"),
      create_time: now,
      update_time: now,
      pay_time: paid ? now : null,
      days_to_ship: daysToShip,
      ship_by_date: now + daysToShip * DAY_SECONDS,
      pickup_done_time: 0,
      cancel_by: "",
      cancel_reason: "",
      buyer_cancel_reason: "",
      package: { package_number: newPackageNumber(), forder_id: newForderId(), shipping_carrier: "Standard Delivery", tracking_number: "" },
    }
    this.state.orders.push(order)
    if (input.hold_pushes) this.holdPushes(orderSn)
    this.notify(order, "status")
    for (const { line, before, after } of fromReserve) {
      const reserve = this.promotions.get(line.promotion_id as number)!
      const entry = reserve.models.find((m) => m.model_id === line.model_id)!
      this.promotions.reserveTaken(reserve, entry, before, after, line.quantity, orderSn)
    }
    return order
  }

  /**
   * Moves the order and pushes the change. Shopee gives the tracking number once shipment is
   * arranged (PROCESSED): `tracking_number` is the seller's own (non-integrated), null when the
   * carrier's comes later (Shopee: empty for a few minutes after ship_order), or, when omitted,
   * one the sandbox makes up at once.
   */
  transition(order: Order, to: OrderStatus, options: { reason?: string; by?: string; tracking_number?: string | null } = {}): Order {
    if (!canTransition(order.order_status, to, order.status_before_cancel)) {
      throw new TransitionError(`cannot move order ${order.order_sn} from ${order.order_status} to ${to}`)
    }
    const now = this.clock.nowSeconds()
    const from = order.order_status
    if (to === "IN_CANCEL") order.status_before_cancel = from
    if (from === "IN_CANCEL") order.status_before_cancel = null
    if (from === "IN_CANCEL" && to !== "CANCELLED") {
      // The seller rejected the cancellation: the order carries on as if it had not been asked.
      order.cancel_by = ""
      order.cancel_reason = ""
      order.buyer_cancel_reason = ""
    }
    if (from === "UNPAID" && to !== "CANCELLED") {
      order.pay_time = now
      order.ship_by_date = now + order.days_to_ship * DAY_SECONDS
    }
    if (to === "IN_CANCEL" || to === "CANCELLED") {
      order.cancel_by = order.cancel_by || options.by || (to === "IN_CANCEL" ? "buyer" : "seller")
      order.cancel_reason = order.cancel_reason || options.reason || "Sandbox cancellation"
      if (order.cancel_by === "buyer") order.buyer_cancel_reason = order.cancel_reason
    }
    if (to === "CANCELLED") this.restock(order.lines, order.order_sn, true)
    if (to === "SHIPPED") order.pickup_done_time = now
    order.order_status = to
    order.update_time = now
    this.notify(order, "status")
    if (order.package.tracking_number === "") {
      if (to === "PROCESSED" && options.tracking_number !== null) this.assignTrackingNumber(order, options.tracking_number)
      // A carrier that collects the parcel has numbered it by then, whatever came before.
      if (to === "SHIPPED") this.assignTrackingNumber(order)
    }
    return order
  }

  advance(order: Order): Order {
    const to = nextStatus(order.order_status, order.region)
    if (!to) throw new TransitionError(`order ${order.order_sn} in ${order.order_status} has no next status`)
    return this.transition(order, to)
  }

  cancel(order: Order, options: { reason?: string; via_in_cancel?: boolean; by?: string }): Order {
    const to = cancelTarget(order.order_status, options.via_in_cancel ?? false)
    if (!to) throw new TransitionError(`order ${order.order_sn} in ${order.order_status} cannot be cancelled`)
    return this.transition(order, to, options)
  }

  assignTrackingNumber(order: Order, trackingNumber?: string): Order {
    order.package.tracking_number = trackingNumber ?? newTrackingNumber(order.region)
    this.notify(order, "tracking")
    return order
  }

  private pickModel(shopId: number, line: OrderLineInput, index: number): { item: Item; model: Model } {
    const item = this.catalogue.item(line.item_id)
    if (!item || item.shop_id !== shopId) {
      throw new OrderInputError(`items[${index}].item_id`, `item ${line.item_id} is not in shop ${shopId}`)
    }
    if (item.has_model && line.model_id === undefined) {
      throw new OrderInputError(`items[${index}].model_id`, `item ${item.item_id} has models: model_id is required`)
    }
    const model = item.models.find((m) => m.model_id === (line.model_id ?? 0))
    if (!model) throw new OrderInputError(`items[${index}].model_id`, `model ${line.model_id} is not a model of item ${item.item_id}`)
    return { item, model }
  }

  /**
   * Gives the lines' stock back. A line bought from a promotion that still runs goes back to its
   * reserve (push 8 cancel_order when `announce`); otherwise to normal stock.
   */
  private restock(lines: OrderLine[], orderSn: string, announce: boolean): void {
    for (const line of lines) {
      const item = this.catalogue.item(line.item_id)
      const model = item?.models.find((m) => m.model_id === line.model_id)
      if (!item || !model) continue
      const promotion = line.promotion_id != null ? this.promotions.get(line.promotion_id) : undefined
      const toReserve = promotion?.status === "ongoing"
      const before = model.reserved_stock
      this.catalogue.returnStock(item, model, line.location_id, line.quantity, toReserve)
      if (toReserve && announce)
        this.promotions.reserveReturned(promotion, line.model_id, before, model.reserved_stock, line.quantity, orderSn)
    }
  }
}
