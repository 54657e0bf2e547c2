import { chunk } from "../chunk.js"
import { ShopeeError } from "../errors.js"
import { splitTimeRange, type TimeWindow } from "../time-windows.js"
import type { OrderStatus } from "../vocabulary.js"
import { type Caller, responseOf } from "./caller.js"

export const GET_ORDER_LIST_PATH = "/api/v2/order/get_order_list"
export const GET_ORDER_DETAIL_PATH = "/api/v2/order/get_order_detail"

/** Shopee's limit on `order_sn_list` per get_order_detail call. */
export const ORDER_DETAIL_BATCH_SIZE = 50

export interface GetOrderListRequest {
  time_range_field: "create_time" | "update_time"
  /** Unix seconds; at most 15 days before time_to. */
  time_from: number
  time_to: number
  /** 1 to 100. */
  page_size: number
  cursor?: string
  order_status?: OrderStatus
  /** `"order_status"` to have each entry carry its status. */
  response_optional_fields?: string
}

export interface OrderListEntry {
  order_sn: string
  order_status?: OrderStatus
  booking_sn?: string
}

export interface GetOrderListResponse {
  more: boolean
  next_cursor: string
  order_list: OrderListEntry[]
}

export interface OrderListProgress {
  window: TimeWindow
  /** 0-based index of the window, and how many there are. */
  window_index: number
  window_count: number
  /** Pages fetched in this window so far, this one included. */
  page: number
  /** Distinct orders yielded so far over the whole range. */
  orders_so_far: number
}

export interface WalkOrderListRequest {
  time_range_field: "create_time" | "update_time"
  /** Unix seconds; any span, split into windows of at most 15 days. */
  time_from: number
  time_to: number
  order_status?: OrderStatus
  /** Defaults to 100, Shopee's maximum. */
  page_size?: number
  /** Defaults to `"order_status"`. */
  response_optional_fields?: string
  onPage?: (progress: OrderListProgress) => void
}

export interface RecipientAddress {
  name: string
  phone: string
  town: string
  district: string
  city: string
  state: string
  region: string
  zipcode: string
  /** Parts may be masked with `****`. */
  full_address: string
}

export interface OrderItem {
  item_id: number
  item_name: string
  item_sku: string
  model_id: number
  model_name: string
  model_sku: string
  model_quantity_purchased: number
  model_original_price: number
  /** 0 for items of a bundle deal. */
  model_discounted_price: number
  wholesale?: boolean
  weight?: number
  add_on_deal?: boolean
  main_item?: boolean
  add_on_deal_id?: number
  promotion_type?: string
  promotion_id?: number
  order_item_id: number
  promotion_group_id?: number
  image_info?: { image_url: string }
  product_location_id?: string | string[]
}

export interface OrderPackage {
  package_number: string
  logistics_status: string
  shipping_carrier: string
  logistics_channel_id?: number
  item_list: { item_id: number; model_id: number; model_quantity?: number; order_item_id?: number }[]
}

/** Fields returned by default, and (optional) those the connector asks for by name. */
export interface OrderDetail {
  order_sn: string
  region: string
  currency: string
  cod: boolean
  order_status: OrderStatus
  create_time: number
  update_time: number
  days_to_ship: number
  ship_by_date: number
  message_to_seller?: string
  booking_sn?: string
  total_amount?: number
  buyer_user_id?: number
  buyer_username?: string
  recipient_address?: RecipientAddress
  item_list?: OrderItem[]
  pay_time?: number | null
  package_list?: OrderPackage[]
  shipping_carrier?: string
  payment_method?: string
  estimated_shipping_fee?: number
  actual_shipping_fee?: number
  actual_shipping_fee_confirmed?: boolean
  note?: string
  note_update_time?: number
  cancel_by?: string
  cancel_reason?: string
  buyer_cancel_reason?: string
  split_up?: boolean
  fulfillment_flag?: string
  pickup_done_time?: number
  dropshipper?: string
  dropshipper_phone?: string
  goods_to_declare?: boolean
  buyer_cpf_id?: string
  checkout_shipping_carrier?: string
  reverse_shipping_fee?: number
  edt_from?: number
  edt_to?: number
}

/** Everything an order import needs beyond the defaults; Shopee omits these unless asked. */
export const ORDER_DETAIL_OPTIONAL_FIELDS: readonly string[] = [
  "buyer_user_id",
  "buyer_username",
  "estimated_shipping_fee",
  "recipient_address",
  "actual_shipping_fee",
  "actual_shipping_fee_confirmed",
  "note",
  "note_update_time",
  "item_list",
  "pay_time",
  "dropshipper",
  "dropshipper_phone",
  "split_up",
  "buyer_cancel_reason",
  "cancel_by",
  "cancel_reason",
  "fulfillment_flag",
  "pickup_done_time",
  "package_list",
  "shipping_carrier",
  "payment_method",
  "total_amount",
  "goods_to_declare",
  "checkout_shipping_carrier",
  "reverse_shipping_fee",
  "edt_from",
  "edt_to",
]

export interface GetOrderDetailRequest {
  /** Any number of order_sn: sent in batches of 50, in order, duplicates dropped. */
  order_sn_list: readonly string[]
  /** Defaults to ORDER_DETAIL_OPTIONAL_FIELDS. */
  response_optional_fields?: readonly string[]
}

export interface GetOrderDetailResponse {
  order_list: OrderDetail[]
}

export class OrdersApi {
  readonly #call: Caller

  constructor(call: Caller) {
    this.#call = call
  }

  /** One page of one window, as Shopee answers it. */
  async getOrderList(request: GetOrderListRequest): Promise<GetOrderListResponse> {
    const response = responseOf<Partial<GetOrderListResponse>>(await this.#call.get(GET_ORDER_LIST_PATH, { ...request }))
    return {
      more: response.more === true,
      next_cursor: response.next_cursor ?? "",
      order_list: response.order_list ?? [],
    }
  }

  /**
   * Every order in [time_from, time_to], any span: walks 15-day windows oldest first and follows
   * `next_cursor` within each. An order_sn is yielded once even where windows share a second.
   */
  async *iterateOrderList(request: WalkOrderListRequest): AsyncGenerator<OrderListEntry> {
    const windows = splitTimeRange(request.time_from, request.time_to)
    const seen = new Set<string>()
    for (const [window_index, window] of windows.entries()) {
      let cursor = ""
      for (let page = 1; ; page++) {
        const answer = await this.getOrderList({
          time_range_field: request.time_range_field,
          ...window,
          page_size: request.page_size ?? 100,
          cursor,
          order_status: request.order_status,
          response_optional_fields: request.response_optional_fields ?? "order_status",
        })
        for (const order of answer.order_list) {
          if (seen.has(order.order_sn)) continue
          seen.add(order.order_sn)
          yield order
        }
        request.onPage?.({ window, window_index, window_count: windows.length, page, orders_so_far: seen.size })
        if (!answer.more) break
        // A cursor that does not move would loop forever, and stopping quietly would lose orders.
        if (answer.next_cursor === "" || answer.next_cursor === cursor) {
          throw new ShopeeError({ path: GET_ORDER_LIST_PATH, message: "get_order_list said more=true without a new next_cursor" })
        }
        cursor = answer.next_cursor
      }
    }
  }

  /** iterateOrderList, collected. */
  async collectOrderList(request: WalkOrderListRequest): Promise<OrderListEntry[]> {
    const orders: OrderListEntry[] = []
    for await (const order of this.iterateOrderList(request)) orders.push(order)
    return orders
  }

  /** Details of any number of orders, 50 per call, with the optional fields an import needs. */
  async getOrderDetail(request: GetOrderDetailRequest): Promise<GetOrderDetailResponse> {
    const fields = (request.response_optional_fields ?? ORDER_DETAIL_OPTIONAL_FIELDS).join(",")
    const order_list: OrderDetail[] = []
    for (const batch of chunk([...new Set(request.order_sn_list)], ORDER_DETAIL_BATCH_SIZE)) {
      const envelope = await this.#call.get(GET_ORDER_DETAIL_PATH, {
        order_sn_list: batch.join(","),
        response_optional_fields: fields === "" ? undefined : fields,
      })
      order_list.push(...(responseOf<Partial<GetOrderDetailResponse>>(envelope).order_list ?? []))
    }
    return { order_list }
  }
}
