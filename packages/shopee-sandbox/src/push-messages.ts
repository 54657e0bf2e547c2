import type { Item, Order, Promotion } from "./model.js"

/** A push before it is stamped and serialised. Codes 1, 2 and 12 are partner-level: no shop_id. */
export interface PushPayload {
  code: number
  shop_id: number | null
  data: Record<string, unknown>
}

export const PARTNER_LEVEL_CODES: readonly number[] = [1, 2, 12]

/** Serialises in the key order of Shopee's published samples: data, shop_id, code, timestamp. */
export function pushBody(payload: PushPayload, timestamp: number): string {
  if (payload.shop_id === null) return JSON.stringify({ data: payload.data, code: payload.code, timestamp })
  return JSON.stringify({ data: payload.data, shop_id: payload.shop_id, code: payload.code, timestamp })
}

/** Code 3. Note Shopee's `ordersn`, not `order_sn`. */
export function orderStatusPush(order: Order): PushPayload {
  return {
    code: 3,
    shop_id: order.shop_id,
    data: {
      items: [],
      ordersn: order.order_sn,
      status: order.order_status,
      completed_scenario: order.order_status === "COMPLETED" ? "NORMAL" : "",
      update_time: order.update_time,
    },
  }
}

/** Code 4. */
export function trackingNumberPush(order: Order): PushPayload {
  return {
    code: 4,
    shop_id: order.shop_id,
    data: {
      ordersn: order.order_sn,
      forder_id: order.package.forder_id,
      package_number: order.package.package_number,
      tracking_no: order.package.tracking_number,
    },
  }
}

/** Code 1 (authorized) or 2 (authorization cancelled), partner-level. */
export function authorizationPush(
  code: 1 | 2,
  target: { shop_id?: number; main_account_id?: number; merchant_id_list?: number[]; shop_id_list?: number[] }
): PushPayload {
  return { code, shop_id: null, data: { ...target, success: 1, extra: code === 1 ? "" : "authorization cancelled" } }
}

/** Code 12, partner-level: authorizations that expire within the next 7 days. */
export function authorizationExpiringPush(shopIds: number[], expireBefore: number): PushPayload {
  return {
    code: 12,
    shop_id: null,
    data: { merchant_expire_soon: [], shop_expire_soon: shopIds, expire_before: expireBefore, page_no: 1, total_page: 1 },
  }
}

/** Code 7: a promotion locked (promo_lock_stock) or gave back (promo_cancelled, promo_end) a model's stock. */
export function itemPromotionPush(
  promotion: Promotion,
  modelId: number,
  action: "promo_lock_stock" | "promo_cancelled" | "promo_end",
  reservedStock: number,
  updateTime: number
): PushPayload {
  return {
    code: 7,
    shop_id: promotion.shop_id,
    data: {
      item_id: promotion.item_id,
      variation_id: modelId,
      promotion_type: promotion.promotion_type,
      promotion_id: promotion.promotion_id,
      action,
      reserved_stock: reservedStock,
      start_time: promotion.start_time,
      end_time: promotion.end_time,
      update_time: updateTime,
    },
  }
}

/** Code 8: a model's reserved stock changed, by an order (place_order, cancel_order) or a promotion. */
export function reservedStockChangePush(
  promotion: Promotion,
  modelId: number,
  action: "place_order" | "cancel_order" | "promo_lock_stock" | "promo_cancelled" | "promo_end",
  change: { old: number; new: number; ordersn?: string },
  updateTime: number
): PushPayload {
  return {
    code: 8,
    shop_id: promotion.shop_id,
    data: {
      item_id: promotion.item_id,
      variation_id: modelId,
      promotion_type: promotion.promotion_type,
      promotion_id: promotion.promotion_id,
      action,
      ...(change.ordersn !== undefined ? { ordersn: change.ordersn } : {}),
      changed_values: [{ name: "reserved_stock", old: change.old, new: change.new }],
      update_time: updateTime,
    },
  }
}

/** Code 9: a model was added to or removed from a promotion. */
export function promotionUpdatePush(
  promotion: Promotion,
  modelId: number,
  action: "added_in_promo" | "removed_from_promo",
  updateTime: number
): PushPayload {
  return {
    code: 9,
    shop_id: promotion.shop_id,
    data: {
      item_id: promotion.item_id,
      variation_id: modelId,
      promotion_type: promotion.promotion_type,
      promotion_id: promotion.promotion_id,
      action,
      start_time: promotion.start_time,
      end_time: promotion.end_time,
      update_time: updateTime,
    },
  }
}

export interface ViolationDetail {
  violation_type: string
  violation_reason: string
  suggestion: string
  fix_deadline_time: number
  update_time: number
}

/** Code 16: Shopee banned, deleted or otherwise changed an item's status for a violation. */
export function itemViolationPush(item: Item, details: ViolationDetail[]): PushPayload {
  return {
    code: 16,
    shop_id: item.shop_id,
    data: {
      item_id: item.item_id,
      item_name: item.item_name,
      item_status: item.item_status,
      item_status_details: details,
      update_time: item.update_time,
    },
  }
}

/** Code 15: a package's shipping document (air waybill) became READY or FAILED. */
export function shippingDocumentPush(order: Order, status: string): PushPayload {
  return {
    code: 15,
    shop_id: order.shop_id,
    data: { ordersn: order.order_sn, package_number: order.package.package_number, status },
  }
}
