import type { SandboxClock } from "../clock.js"
import type { Order } from "../model.js"
import type { Orders } from "../orders.js"
import {
  addressNotFound,
  alreadyShipped,
  beingAllocated,
  branchNotFound,
  modeUnsupported,
  needAddressAndTime,
  needTrackingNumber,
  noAvailableTimeSlot,
  notAllowedInStatus,
  notReadyToShip,
  onlyOneWay,
  orderCancelled,
  parametersOnlyWhenReady,
  pickupTimeInvalid,
  pickupUnsupported,
} from "./shipping-errors.js"

export const SHIPPING_MODES = ["pickup", "dropoff", "non_integrated"] as const
export type ShippingMode = (typeof SHIPPING_MODES)[number]

/** Sandbox-wide logistics knobs (a reset returns to these defaults). */
export interface LogisticsSettings {
  /**
   * How long after ship_order an integrated channel's tracking number stays empty (Shopee: "a
   * few minutes"). 0 assigns it at once. Measured on the sandbox clock, and also by a real timer
   * so that push 4 goes out without anyone asking.
   */
  tracking_delay_ms: number
  /** The ways a new order may be shipped until its channel is set through the control API. */
  default_modes: ShippingMode[]
}

export function defaultLogisticsSettings(): LogisticsSettings {
  return { tracking_delay_ms: 0, default_modes: ["pickup", "dropoff"] }
}

/** What an order's logistics channel allows, and the conditions that make Shopee refuse for now. */
export interface OrderChannel {
  modes: ShippingMode[]
  /** Shopee is still choosing the channel: both calls answer "being allocated". */
  allocating: boolean
  /** The carrier has no pickup slot: get_shipping_parameter answers "No available time slot". */
  no_time_slot: boolean
}

export interface Arrangement {
  mode: ShippingMode
  address_id: number | null
  pickup_time_id: string | null
  branch_id: number | null
  arranged_at_ms: number
  /** When an integrated channel's tracking number appears; null once it has one. */
  tracking_due_at_ms: number | null
}

export interface ShipRequest {
  pickup?: Record<string, unknown>
  dropoff?: Record<string, unknown>
  non_integrated?: Record<string, unknown>
}

interface PickupAddress {
  address_id: number
  address: string
  zipcode: string
  address_flag: string[]
}

const PICKUP_ADDRESSES: PickupAddress[] = [
  { address_id: 1001, address: "2 Seller Street", zipcode: "018956", address_flag: ["default_address", "pickup_address"] },
  { address_id: 1002, address: "9 Warehouse Lane", zipcode: "609930", address_flag: ["pickup_address"] },
]
const DROPOFF_BRANCHES = [
  { branch_id: 3001, address: "SPX Express Point, 1 Jurong West", zipcode: "648886" },
  { branch_id: 3002, address: "SPX Express Point, 50 Tampines", zipcode: "529510" },
]
const DAY_SECONDS = 24 * 60 * 60
/** The slot Shopee flags as recommended: deliberately not the first listed, as nothing says it is. */
const RECOMMENDED_SLOT = 1
const SLOTS_PER_ADDRESS = 3

const SHIPPED_OR_LATER = ["PROCESSED", "RETRY_SHIP", "SHIPPED", "TO_CONFIRM_RECEIVE", "TO_RETURN", "COMPLETED"]

/**
 * How Shopee ships an order: what get_shipping_parameter offers for its channel, ship_order's
 * checks and its move to PROCESSED, and the tracking number that appears after a delay (push 4).
 * Per-order channels and arrangements live beside the saved state, not in it: a reset or a
 * restart forgets them, and an order already PROCESSED counts as arranged by its status.
 */
export class Logistics {
  settings: LogisticsSettings = defaultLogisticsSettings()
  private channels = new WeakMap<Order, OrderChannel>()
  private arrangements = new WeakMap<Order, Arrangement>()
  private readonly timers = new Set<NodeJS.Timeout>()

  constructor(
    private readonly clock: SandboxClock,
    private readonly orders: Orders,
    private readonly changed: () => void
  ) {}

  /** Back to the default settings, forgetting channels, arrangements and pending tracking numbers. */
  reset(): void {
    for (const timer of this.timers) clearTimeout(timer)
    this.timers.clear()
    this.settings = defaultLogisticsSettings()
    this.channels = new WeakMap()
    this.arrangements = new WeakMap()
  }

  channelOf(order: Order): OrderChannel {
    return this.channels.get(order) ?? { modes: [...this.settings.default_modes], allocating: false, no_time_slot: false }
  }

  configure(order: Order, change: Partial<OrderChannel>): OrderChannel {
    const channel = { ...this.channelOf(order), ...change }
    this.channels.set(order, channel)
    return channel
  }

  arrangementOf(order: Order): Arrangement | null {
    return this.arrangements.get(order) ?? null
  }

  /** get_shipping_parameter's response for the order's channel. */
  shippingParameter(order: Order): Record<string, unknown> {
    if (order.order_status === "CANCELLED") throw orderCancelled()
    if (order.order_status !== "READY_TO_SHIP" && order.order_status !== "RETRY_SHIP") throw parametersOnlyWhenReady()
    const channel = this.channelOf(order)
    if (channel.allocating) throw beingAllocated()
    const pickup = channel.modes.includes("pickup")
    if (pickup && channel.no_time_slot && channel.modes.length === 1) throw noAvailableTimeSlot()
    const infoNeeded: Record<string, string[]> = {}
    if (pickup) infoNeeded.pickup = ["address_id", "pickup_time_id"]
    if (channel.modes.includes("dropoff")) infoNeeded.dropoff = ["branch_id"]
    if (channel.modes.includes("non_integrated")) infoNeeded.non_integrated = ["tracking_no"]
    return {
      info_needed: infoNeeded,
      ...(pickup ? { pickup: { address_list: PICKUP_ADDRESSES.map((a) => this.addressView(order, a, channel)) } } : {}),
      ...(channel.modes.includes("dropoff")
        ? {
            dropoff: {
              branch_list: DROPOFF_BRANCHES.map((b) => ({
                ...b,
                region: order.region,
                state: "Singapore",
                city: "Singapore",
                district: "",
                town: "",
              })),
              slug_list: [],
            },
          }
        : {}),
    }
  }

  /** ship_order: checks as Shopee does, then PROCESSED and, when known, the tracking number. */
  ship(order: Order, request: ShipRequest): void {
    const given = SHIPPING_MODES.filter((mode) => request[mode] !== undefined)
    if (given.length !== 1) throw onlyOneWay()
    const mode = given[0]
    if (order.order_status === "CANCELLED" || order.order_status === "IN_CANCEL") throw notAllowedInStatus()
    if (this.arrangements.has(order) || SHIPPED_OR_LATER.includes(order.order_status)) throw alreadyShipped()
    if (order.order_status !== "READY_TO_SHIP") throw notReadyToShip()
    const channel = this.channelOf(order)
    if (channel.allocating) throw beingAllocated()
    if (!channel.modes.includes(mode)) throw mode === "pickup" ? pickupUnsupported() : modeUnsupported()
    const details = request[mode] as Record<string, unknown>
    const arrangement: Arrangement = {
      mode,
      address_id: null,
      pickup_time_id: null,
      branch_id: null,
      arranged_at_ms: this.clock.nowMs(),
      tracking_due_at_ms: null,
    }
    const trackingNumber = typeof details.tracking_number === "string" && details.tracking_number !== "" ? details.tracking_number : null
    if (mode === "pickup") {
      const { address_id: addressId, pickup_time_id: timeId } = details
      if (typeof addressId !== "number" || typeof timeId !== "string" || timeId === "") throw needAddressAndTime()
      const address = PICKUP_ADDRESSES.find((a) => a.address_id === addressId)
      if (!address) throw addressNotFound()
      if (channel.no_time_slot || !this.slotsOf(address).some((slot) => slot.pickup_time_id === timeId)) throw pickupTimeInvalid()
      arrangement.address_id = addressId
      arrangement.pickup_time_id = timeId
    } else if (mode === "dropoff") {
      const branchId = details.branch_id
      if (!DROPOFF_BRANCHES.some((b) => b.branch_id === branchId)) throw branchNotFound()
      arrangement.branch_id = branchId as number
    } else if (trackingNumber === null) {
      throw needTrackingNumber()
    }
    this.arrangements.set(order, arrangement)
    // The seller's own number, or the carrier's: at once, or (null) only once the delay has passed.
    const delayed = trackingNumber === null && this.settings.tracking_delay_ms > 0
    this.orders.transition(order, "PROCESSED", { tracking_number: delayed ? null : (trackingNumber ?? undefined) })
    if (delayed) {
      arrangement.tracking_due_at_ms = arrangement.arranged_at_ms + this.settings.tracking_delay_ms
      const timer = setTimeout(() => {
        this.timers.delete(timer)
        this.settle(order)
      }, this.settings.tracking_delay_ms)
      timer.unref()
      this.timers.add(timer)
    }
    this.changed()
  }

  /** get_tracking_number: empty until the delay has passed on the sandbox clock (or its timer fired). */
  trackingNumber(order: Order): string {
    const due = this.arrangements.get(order)?.tracking_due_at_ms
    if (due != null && this.clock.nowMs() >= due) this.settle(order)
    return order.package.tracking_number
  }

  /** Assigns the carrier's tracking number once (push 4 goes out with it). */
  private settle(order: Order): void {
    const arrangement = this.arrangements.get(order)
    if (!arrangement || arrangement.tracking_due_at_ms === null) return
    arrangement.tracking_due_at_ms = null
    if (order.package.tracking_number !== "" || order.order_status === "CANCELLED") return
    this.orders.assignTrackingNumber(order)
    this.changed()
  }

  private addressView(order: Order, address: PickupAddress, channel: OrderChannel) {
    return {
      address_id: address.address_id,
      region: order.region,
      state: "Singapore",
      city: "Singapore",
      district: "",
      town: "",
      address: address.address,
      zipcode: address.zipcode,
      address_flag: address.address_flag,
      time_slot_list: channel.no_time_slot ? [] : this.slotsOf(address),
    }
  }

  /** The next days' pickup slots (09:00-18:00 local), the same ids for the same day. */
  private slotsOf(address: PickupAddress) {
    const today = Math.floor(this.clock.nowSeconds() / DAY_SECONDS) * DAY_SECONDS
    return Array.from({ length: SLOTS_PER_ADDRESS }, (_, i) => {
      const date = today + (i + 1) * DAY_SECONDS + 1 * 60 * 60
      return {
        date,
        time_text: "09:00-18:00",
        pickup_time_id: `${address.address_id}-${date}`,
        flags: i === RECOMMENDED_SLOT ? ["recommended"] : [],
      }
    })
  }
}
