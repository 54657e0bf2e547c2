/** The sandbox's whole state: plain JSON-serialisable records, so it can be saved to a file. */

export interface Partner {
  partner_id: number
  partner_key: string
  push_partner_key: string
  /** Where pushes go; null means the partner registered no callback (pushes are kept as lost). */
  callback_url: string | null
  name: string
  /** When Shopee disabled the push subscription for a low success rate; null or absent while it is on. */
  push_suspended_at_ms?: number | null
  /** When a test or a person marked the subscription failing (Shopee's "Warning") whatever its figures; cleared by enabling. */
  push_warning_at_ms?: number | null
}

export interface Shop {
  shop_id: number
  shop_name: string
  region: string
  currency: string
  /** Seller warehouses; stock is kept per location as in `seller_stock`. The first is the default. */
  location_ids: string[]
  merchant_id: number | null
  /** Seller Center's holiday mode: update_stock is refused while it is on. */
  holiday_mode?: boolean
  /** A shop under penalty may not change stock through the API. */
  under_penalty?: boolean
}

export interface Merchant {
  merchant_id: number
  merchant_name: string
  main_account_id: number
  region: string
  currency: string
}

export interface SellerStock {
  location_id: string
  stock: number
}

export interface Model {
  /** 0 for the single implicit model of an item without variations, as Shopee's update_stock uses. */
  model_id: number
  model_name: string
  model_sku: string
  current_price: number
  original_price: number
  seller_stock: SellerStock[]
  /** Part of the seller stock held for promotions: only promotion buyers take it, update_stock may not go below it. */
  reserved_stock: number
}

export const PROMOTION_STATUSES = ["ongoing", "ended", "cancelled"] as const
export type PromotionStatus = (typeof PROMOTION_STATUSES)[number]

export interface PromotionModel {
  model_id: number
  /** What the promotion still holds of the model's stock. */
  reserved_stock: number
  promotion_price: number
}

/** A promotion (flash sale, discount) on one item: it locks part of each model's stock. */
export interface Promotion {
  promotion_id: number
  shop_id: number
  item_id: number
  promotion_type: string
  status: PromotionStatus
  /** Some promotions forbid any stock edit of their models while they run. */
  stock_editable: boolean
  start_time: number
  end_time: number
  models: PromotionModel[]
}

export const ITEM_STATUSES = ["NORMAL", "BANNED", "UNLIST", "REVIEWING", "SELLER_DELETE", "SHOPEE_DELETE"] as const
export type ItemStatus = (typeof ITEM_STATUSES)[number]

export interface Item {
  item_id: number
  shop_id: number
  item_name: string
  item_sku: string
  item_status: ItemStatus
  has_model: boolean
  models: Model[]
  category_id: number
  weight: number
  create_time: number
  update_time: number
}

export const ORDER_STATUSES = [
  "UNPAID",
  /** Brazil only: paid, waiting for the seller's invoice (NF-e) before it can ship. */
  "INVOICE_PENDING",
  "READY_TO_SHIP",
  "PROCESSED",
  "RETRY_SHIP",
  "SHIPPED",
  "TO_CONFIRM_RECEIVE",
  "IN_CANCEL",
  "CANCELLED",
  "TO_RETURN",
  "COMPLETED",
] as const
export type OrderStatus = (typeof ORDER_STATUSES)[number]

export interface OrderLine {
  order_item_id: number
  item_id: number
  item_name: string
  item_sku: string
  model_id: number
  model_name: string
  model_sku: string
  quantity: number
  original_price: number
  discounted_price: number
  /** Where the stock was taken from, so a cancellation returns it to the same place. */
  location_id: string
  /** The promotion whose reserved stock the line took, if any; a cancellation gives it back there. */
  promotion_id?: number | null
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
  full_address: string
}

export interface OrderPackage {
  package_number: string
  forder_id: string
  shipping_carrier: string
  tracking_number: string
}

export interface Order {
  order_sn: string
  shop_id: number
  order_status: OrderStatus
  /** The status an IN_CANCEL order returns to when the cancellation is rejected. */
  status_before_cancel: OrderStatus | null
  region: string
  currency: string
  cod: boolean
  lines: OrderLine[]
  buyer_user_id: number
  buyer_username: string
  recipient_address: RecipientAddress
  total_amount: number
  estimated_shipping_fee: number
  actual_shipping_fee: number
  message_to_seller: string
  payment_method: string
  create_time: number
  update_time: number
  pay_time: number | null
  days_to_ship: number
  ship_by_date: number
  pickup_done_time: number
  cancel_by: string
  cancel_reason: string
  buyer_cancel_reason: string
  package: OrderPackage
}

/** What an authorization code, token pair or authorization covers. */
export interface Grant {
  partner_id: number
  shop_ids: number[]
  merchant_ids: number[]
}

export interface AuthCode extends Grant {
  code: string
  shop_id: number | null
  main_account_id: number | null
  expires_at_ms: number
  used_at_ms: number | null
}

export interface AccessToken extends Grant {
  access_token: string
  refresh_token: string
  created_at_ms: number
  expires_at_ms: number
}

export interface RefreshToken extends Grant {
  refresh_token: string
  created_at_ms: number
  expires_at_ms: number
  /** Shopee refresh tokens are single-use per shop and per merchant: `shop:ID` / `merchant:ID`. */
  used_for: string[]
}

export interface RefreshReuse {
  refresh_token: string
  partner_id: number
  shop_id: number | null
  merchant_id: number | null
  at_ms: number
}

export interface Authorization {
  partner_id: number
  shop_id: number | null
  merchant_id: number | null
  authorized_at_ms: number
  expires_at_ms: number
}

/** `suspended`: not sent because the partner's subscription was disabled; Shopee never resends it, nor keeps it as lost. */
export type PushState = "pending" | "held" | "retrying" | "delivered" | "lost" | "suspended"

export interface PushAttempt {
  at_ms: number
  duration_ms: number
  /** HTTP status answered by the callback, or null when none came (timeout, refused...). */
  status: number | null
  error: string | null
}

export interface PushMessage {
  message_id: number
  partner_id: number
  shop_id: number | null
  code: number
  callback_url: string | null
  /** The exact bytes sent and signed. */
  body: string
  created_at_ms: number
  state: PushState
  attempts: PushAttempt[]
  lost_at_ms: number | null
  consumed: boolean
  duplicate_of: number | null
  /** The drop_push fault: no attempt reaches the callback, so Shopee retries and then keeps it as lost. */
  dropped_by_fault?: boolean
}

export interface Counters {
  shop: number
  item: number
  model: number
  order_item: number
  buyer: number
  push_message: number
  promotion?: number
}

export interface SandboxState {
  partners: Partner[]
  shops: Shop[]
  merchants: Merchant[]
  items: Item[]
  orders: Order[]
  codes: AuthCode[]
  access_tokens: AccessToken[]
  refresh_tokens: RefreshToken[]
  refresh_reuses: RefreshReuse[]
  authorizations: Authorization[]
  pushes: PushMessage[]
  promotions: Promotion[]
  counters: Counters
}

export function emptyState(): SandboxState {
  return {
    partners: [],
    shops: [],
    merchants: [],
    items: [],
    orders: [],
    codes: [],
    access_tokens: [],
    refresh_tokens: [],
    refresh_reuses: [],
    authorizations: [],
    pushes: [],
    promotions: [],
    counters: { shop: 600000, item: 800000000, model: 2000000000, order_item: 0, buyer: 100000, push_message: 0, promotion: 700000000000 },
  }
}
