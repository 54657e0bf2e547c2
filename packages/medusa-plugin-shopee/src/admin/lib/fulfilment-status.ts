import type { TextKey } from "./translate"

/** What the operator sees of a label: the label routes' `label` (absent on rows from before labels existed). */
export type LabelState = { state: "requested" | "ready" | "failed" | null; url: string | null; reason: string | null }

/** What the fulfilment status reads of a Shopee order's sync row. */
export type FulfilmentRow = {
  order_id: string | null
  shopee_status: string | null
  shipment_state: string | null
  label?: LabelState | null
}

export type FulfilmentStatus = {
  key: "to_ship" | "arranged" | "label_ready" | "shipped" | "delivered" | "refused" | "retry_later"
  color: "grey" | "blue" | "green" | "red" | "orange"
}

/** The translation key of the words the widget and the orders list show for a status. */
export const fulfilmentLabelKey = (key: FulfilmentStatus["key"]) => `shopee.fulfilment.status.${key}`

/** Shopee's statuses once the shipment is arranged but not yet handed to the carrier. */
const ARRANGED_ON_SHOPEE = new Set(["PROCESSED"])
const SHIPPED_ON_SHOPEE = new Set(["SHIPPED", "TO_CONFIRM_RECEIVE"])
const CANCELLED_ON_SHOPEE = new Set(["IN_CANCEL", "CANCELLED"])

/**
 * Where a Shopee order's fulfilment stands, from its sync row: Shopee's own progress (shipped,
 * delivered) comes first, then what arranging from Medusa recorded (refused, deferred, arranged,
 * its label), then Shopee's "ready to ship". Null for an order that has no fulfilment to speak of
 * (unpaid, cancelled before anything was asked, returned).
 */
export function fulfilmentStatus(row: FulfilmentRow): FulfilmentStatus | null {
  const status = row.shopee_status ?? ""
  if (status === "COMPLETED") return { key: "delivered", color: "green" }
  if (SHIPPED_ON_SHOPEE.has(status)) return { key: "shipped", color: "blue" }
  if (row.shipment_state === "refused") return { key: "refused", color: "red" }
  if (row.shipment_state === "deferred") return { key: "retry_later", color: "orange" }
  if (row.shipment_state === "arranged" || ARRANGED_ON_SHOPEE.has(status)) {
    return row.label?.state === "ready" ? { key: "label_ready", color: "green" } : { key: "arranged", color: "blue" }
  }
  if (status === "READY_TO_SHIP") return { key: "to_ship", color: "grey" }
  return null
}

export type ArrangeAvailability = { can: true } | { can: false; why: TextKey }

/**
 * Whether the operator may arrange the shipment from Medusa. The server decides in the end (it
 * asks Shopee); this only keeps the form away from orders where it cannot succeed, and says why.
 */
export function arrangeAvailability(row: FulfilmentRow): ArrangeAvailability {
  if (!row.order_id) return { can: false, why: { key: "shopee.fulfilment.why.notImported" } }
  if (row.shipment_state === "arranged") return { can: false, why: { key: "shopee.fulfilment.why.arranged" } }
  const status = row.shopee_status ?? ""
  if (CANCELLED_ON_SHOPEE.has(status)) return { can: false, why: { key: "shopee.fulfilment.why.cancelled", params: { status } } }
  if (!status) return { can: false, why: { key: "shopee.fulfilment.why.unknownStatus" } }
  if (status !== "READY_TO_SHIP") return { can: false, why: { key: "shopee.fulfilment.why.notReady", params: { status } } }
  return { can: true }
}
