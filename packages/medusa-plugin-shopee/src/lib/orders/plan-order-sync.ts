import { stageOf } from "./order-status-map"
import type { OrderDetail, RecipientAddress } from "@shopee-medusa/shopee-client"

/**
 * Every decision of an order sync, apart from the I/O that carries them out: whether an update
 * is stale or brings nothing new, what a new order looks like, when an order is held for a
 * person, and which steps an existing Medusa order takes to follow Shopee.
 */

export type OrderSyncOutcome = "imported" | "updated" | "unchanged" | "stale" | "held" | "skipped"

/** Why an order waits for a person; it becomes an exception of that kind, and nothing is invented meanwhile. */
export type OrderHold = {
  kind: "unknown_sku" | "currency_unmatched" | "setup_missing" | "cannot_cancel_shipped"
  message: string
}

/** What the sync row remembers of the last sync of the order. */
export type LastSync = {
  order_id: string | null
  state: string
  shopee_update_time: number | null
  shopee_status: string | null
  tracking_number: string | null
}

export type OrderSyncPlan =
  | { step: "stale" }
  | { step: "unchanged" }
  | { step: "skip"; reason: string; tracking_number: string | null }
  | { step: "create" | "update"; tracking_number: string | null }

/**
 * The first decision on a fetched order. An update older than the one applied is ignored.
 * Shopee's update_time counts seconds: two changes in one second share it, so only the same time,
 * the same status and no tracking number from a push mean nothing new. An order cancelled before
 * it was ever imported is not created.
 */
export function planOrderSync(last: LastSync, detail: OrderDetail, pushTrackingNumber?: string | null): OrderSyncPlan {
  if (last.shopee_update_time !== null && detail.update_time < last.shopee_update_time) return { step: "stale" }
  // get_order_detail's packages carry no tracking number: it comes with the tracking-number push (code 4).
  const tracking = pushTrackingNumber ?? last.tracking_number
  if (!last.order_id) {
    if (stageOf(detail.order_status) === "cancelled") {
      return { step: "skip", reason: "Cancelled on Shopee before it was imported", tracking_number: tracking }
    }
    return { step: "create", tracking_number: tracking }
  }
  if (
    last.shopee_update_time === detail.update_time &&
    last.shopee_status === detail.order_status &&
    last.state === "imported" &&
    !pushTrackingNumber
  ) {
    return { step: "unchanged" }
  }
  return { step: "update", tracking_number: tracking }
}

/** What has already happened to the Medusa order, as read from Medusa. */
export type AppliedState = { paid: boolean; shipped: boolean; completed: boolean; cancelled: boolean }

export type OrderAction = "mark_paid" | "ship" | "complete" | "cancel"

const RANK = { unpaid: 0, paid: 1, shipped: 2, completed: 3 } as const

/**
 * What must happen in Medusa to follow an order from what has been applied to Shopee's new
 * status: every step it skipped, in order (an order seen first as COMPLETED is paid, shipped
 * and completed), nothing backwards, and a cancellation only while nothing has shipped.
 */
export function planOrderActions(applied: AppliedState, status: string): OrderAction[] {
  if (applied.cancelled || applied.completed) return []
  const stage = stageOf(status)
  if (stage === "unchanged" || stage === "unpaid") return []
  if (stage === "cancelled") return ["cancel"]
  const target = RANK[stage]
  const actions: OrderAction[] = []
  if (target >= RANK.paid && !applied.paid) actions.push("mark_paid")
  if (target >= RANK.shipped && !applied.shipped) actions.push("ship")
  if (target >= RANK.completed) actions.push("complete")
  return actions
}

/**
 * The actions for an existing Medusa order, or a hold: Shopee cancelling an order that Medusa has
 * already shipped is a return, which only a person can handle.
 */
export function planOrderUpdate(orderId: string, applied: AppliedState, status: string): { actions: OrderAction[] } | { hold: OrderHold } {
  const actions = planOrderActions(applied, status)
  if (actions.includes("cancel") && applied.shipped) {
    return {
      hold: {
        kind: "cannot_cancel_shipped",
        message: `Shopee cancelled order ${orderId}, but Medusa has already shipped it; a person must handle the return.`,
      },
    }
  }
  return { actions }
}

/** A new order is held unless every line matched a Medusa variant; no product is ever invented. */
export function holdForUnmatchedLines(orderSn: string, matchedCount: number, unmatched: PlannedLine[]): OrderHold | null {
  if (unmatched.length === 0 && matchedCount > 0) return null
  const names = unmatched.map((line) => `${line.sku ? `SKU ${line.sku}` : "no SKU"} (item ${line.item_id}, model ${line.model_id})`)
  return {
    kind: "unknown_sku",
    message: `Shopee order ${orderSn} is held: no Medusa variant matches ${names.join(", ") || "any line"}. Map the item or give the variant that SKU, then retry.`,
  }
}

/** Where a new order goes in Medusa: region, sales channel and its stock location, shipping option. */
export type OrderSetup = {
  region_id: string
  sales_channel_id: string
  location_id: string
  shipping_option_id: string
  shipping_option_name: string
}

/** What the store has for a new order, as found; the names are the plugin's settings. */
export type FoundSetup = {
  currency_code: string
  region_id: string | null
  sales_channel: { name: string; id: string | null; location_id: string | null }
  shipping_option: { wanted: string; found: { id: string; name: string } | null }
}

/** A new order needs a region selling its currency, the Shopee sales channel with stock, and the shipping option. */
export function planOrderSetup(found: FoundSetup): { setup: OrderSetup } | { hold: OrderHold } {
  if (!found.region_id) {
    return {
      hold: {
        kind: "currency_unmatched",
        message: `No Medusa region sells in ${found.currency_code.toUpperCase()}, the currency of this Shopee order. Create one (or change the shop's region), then retry.`,
      },
    }
  }
  const channel = found.sales_channel
  if (!channel.id || !channel.location_id) {
    return {
      hold: {
        kind: "setup_missing",
        message: `The sales channel "${channel.name}" ${channel.id ? "has no stock location" : "does not exist"}; imported Shopee orders need it.`,
      },
    }
  }
  const option = found.shipping_option.found
  if (!option) {
    return {
      hold: {
        kind: "setup_missing",
        message: `The shipping option "${found.shipping_option.wanted}" does not exist; imported Shopee orders need it.`,
      },
    }
  }
  return {
    setup: {
      region_id: found.region_id,
      sales_channel_id: channel.id,
      location_id: channel.location_id,
      shipping_option_id: option.id,
      shipping_option_name: option.name,
    },
  }
}

export type PlannedLine = {
  item_id: number
  model_id: number
  sku: string | null
  title: string
  quantity: number
  /** Gross, as the buyer paid it: Shopee's prices include tax. */
  unit_price: number
}

export type PlannedAddress = {
  first_name: string
  last_name: string
  phone: string
  address_1: string
  address_2: string
  city: string
  province: string
  postal_code: string
  country_code: string
}

/**
 * What a Shopee order becomes in Medusa, before any variant is looked up. Masked address
 * fields (`****`) are kept as Shopee sends them: they are all the merchant gets.
 */
export function planOrderImport(detail: OrderDetail) {
  const lines: PlannedLine[] = (detail.item_list ?? []).map((item) => ({
    item_id: item.item_id,
    model_id: item.model_id,
    // A model's own SKU names the variation sold; the item's SKU is the fallback.
    sku: item.model_sku || item.item_sku || null,
    title: [item.item_name, item.model_name].filter(Boolean).join(" — ") || `Shopee item ${item.item_id}`,
    quantity: item.model_quantity_purchased,
    // Bundle deals report a discounted price of 0; the original price is then what was charged.
    unit_price: item.model_discounted_price > 0 ? item.model_discounted_price : item.model_original_price,
  }))
  const linesTotal = lines.reduce((sum, line) => sum + line.unit_price * line.quantity, 0)
  // Shopee's total includes what the buyer paid for shipping; the rest is the shipping line.
  const shippingAmount = detail.total_amount !== undefined ? Math.max(0, round2(detail.total_amount - linesTotal)) : 0
  const recipient: Partial<RecipientAddress> = detail.recipient_address ?? {}
  const address: PlannedAddress = {
    first_name: recipient.name ?? "",
    last_name: "",
    phone: recipient.phone ?? "",
    address_1: recipient.full_address ?? "",
    address_2: [recipient.town, recipient.district].filter(Boolean).join(", "),
    city: recipient.city ?? "",
    province: recipient.state ?? "",
    postal_code: recipient.zipcode ?? "",
    country_code: (recipient.region ?? detail.region ?? "").toLowerCase(),
  }
  const buyer = detail.buyer_user_id ?? detail.buyer_username ?? detail.order_sn
  return {
    lines,
    shipping_amount: shippingAmount,
    address,
    currency_code: detail.currency.toLowerCase(),
    // Shopee never shares the buyer's e-mail: one stable placeholder per buyer.
    email: `buyer-${String(buyer)
      .toLowerCase()
      .replace(/[^a-z0-9._-]/g, "-")}@shopee.invalid`,
  }
}

function round2(value: number): number {
  return Math.round(value * 100) / 100
}
