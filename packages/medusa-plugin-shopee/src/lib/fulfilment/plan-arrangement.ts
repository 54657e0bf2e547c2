import type { OrderDetail } from "@shopee-medusa/shopee-client"
import type { ShipmentState } from "../../modules/shopee/models/shopee-order-sync"

/** The order's sync row, as arranging its shipment reads it. */
export type ArrangementRow = {
  order_sn: string
  state: string
  state_reason: string | null
  order_id: string | null
  shipment_state: ShipmentState | null
}

export type RowPlan =
  | { act: "refuse"; code: "not_imported"; reason: string }
  /** Already arranged: Shopee is not asked again; the Medusa fulfilment and the tracking number are brought up to date. */
  | { act: "follow_up" }
  | { act: "ask_shopee" }

/** What the sync row alone decides: an order not in Medusa cannot be fulfilled there; an arranged one is never arranged twice. */
export function planFromSyncRow(row: ArrangementRow): RowPlan {
  if (row.state !== "imported" || !row.order_id) {
    const why = row.state_reason ? `: ${row.state_reason}` : ""
    return { act: "refuse", code: "not_imported", reason: `Shopee order ${row.order_sn} is not imported into Medusa (${row.state}${why})` }
  }
  return row.shipment_state === "arranged" ? { act: "follow_up" } : { act: "ask_shopee" }
}

export type ShopeeOrderState = Pick<
  OrderDetail,
  "order_sn" | "order_status" | "cancel_by" | "cancel_reason" | "buyer_cancel_reason" | "split_up" | "package_list"
>

export type StatusPlan =
  | { act: "refuse"; code: "cancelled" | "not_ready"; reason: string }
  /** PROCESSED or later: arranged already (in Seller Centre, or a lost answer to our own call): nothing to call. */
  | { act: "already_arranged" }
  /** One ship_order per package; `undefined` for an order that is not split (Shopee refuses a package number there). */
  | { act: "arrange"; packages: (string | undefined)[] }

const ARRANGED_STATUSES = new Set(["PROCESSED", "SHIPPED", "TO_CONFIRM_RECEIVE", "COMPLETED", "TO_RETURN"])

function cancellation(order: ShopeeOrderState): string {
  const reason = order.buyer_cancel_reason || order.cancel_reason
  const by = order.cancel_by ? ` by ${order.cancel_by}` : ""
  return `${by}${reason ? ` (${reason})` : ""}`
}

/** What Shopee's current status of the order allows. */
export function planFromShopeeStatus(order: ShopeeOrderState): StatusPlan {
  const sn = order.order_sn
  switch (order.order_status) {
    case "READY_TO_SHIP": {
      const packages = order.split_up ? (order.package_list ?? []).map((p) => p.package_number) : []
      return { act: "arrange", packages: packages.length > 1 ? packages : [undefined] }
    }
    case "IN_CANCEL":
      return {
        act: "refuse",
        code: "cancelled",
        reason: `Shopee order ${sn} is IN_CANCEL: a cancellation was asked${cancellation(order)}. It is not shipped until the request is rejected on Shopee.`,
      }
    case "CANCELLED":
      return { act: "refuse", code: "cancelled", reason: `Shopee order ${sn} was cancelled${cancellation(order)}: it is never shipped.` }
    case "RETRY_SHIP":
      return {
        act: "refuse",
        code: "not_ready",
        reason: `Shopee order ${sn} is RETRY_SHIP: the carrier's pickup failed; a new pickup is arranged in Seller Centre (update_shipping_order is not done by the connector yet).`,
      }
    default:
      if (ARRANGED_STATUSES.has(order.order_status)) return { act: "already_arranged" }
      return {
        act: "refuse",
        code: "not_ready",
        reason: `Shopee order ${sn} is ${order.order_status}: it can be shipped once it is READY_TO_SHIP.`,
      }
  }
}
