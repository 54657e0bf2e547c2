import type { ShipDefaultMode } from "../../modules/shopee/models/shopee-profile"
import type { ShipmentState } from "../../modules/shopee/models/shopee-order-sync"
import type { ShipmentChoice } from "./choose-shipment"

/** A profile's shipping default, as the automatic arrangement reads it. */
export type ShipDefault = {
  ship_default_mode: ShipDefaultMode | null
  ship_default_address_id: number | null
  ship_auto_delay_minutes: number
}

export type AutoPlan =
  /** Nothing for the connector to do: the reason is kept for the log, nothing is recorded. */
  { act: "skip"; reason: string } | { act: "arrange"; fallback: ShipmentChoice }

/**
 * Whether a Medusa fulfilment just created on an imported Shopee order arranges its shipment on
 * Shopee by itself: only when the order's profile has a default mode, and only once (an
 * arrangement done or already under way, by hand or automatically, is not started again).
 */
export function planAutoArrangement(
  row: { order_sn: string; shipment_state: ShipmentState | null },
  profile: ShipDefault | null
): AutoPlan {
  if (!profile?.ship_default_mode) {
    return { act: "skip", reason: `Shopee order ${row.order_sn}: its profile has no shipping default; it is arranged by hand` }
  }
  if (row.shipment_state === "arranged") return { act: "skip", reason: `Shopee order ${row.order_sn} is arranged already` }
  return { act: "arrange", fallback: shipDefaultChoice(profile) }
}

/** The profile's default as a fallback of the operator's (empty) choice. */
export function shipDefaultChoice(profile: ShipDefault | null): ShipmentChoice {
  if (!profile?.ship_default_mode) return {}
  return profile.ship_default_mode === "pickup" && profile.ship_default_address_id !== null
    ? { mode: "pickup", address_id: profile.ship_default_address_id }
    : { mode: profile.ship_default_mode }
}

export type WindowPlan = { act: "arrange" } | { act: "wait"; due_at: Date; reason: string }

/**
 * Shopee lets a buyer cancel without asking during the first hour after ordering: the automatic
 * arrangement waits `ship_auto_delay_minutes` after the order's creation on Shopee (`create_time`,
 * in seconds); a delay of 0 arranges at once. The manual arrangement never asks this.
 */
export function planCancelWindow(order: { order_sn: string; create_time: number }, delayMinutes: number, now: number): WindowPlan {
  // No delay is no wait, whatever Shopee's clock says of the order's creation.
  if (delayMinutes <= 0) return { act: "arrange" }
  const due = order.create_time * 1000 + delayMinutes * 60_000
  if (now >= due) return { act: "arrange" }
  const dueAt = new Date(due)
  return {
    act: "wait",
    due_at: dueAt,
    reason: `Shopee order ${order.order_sn} is arranged automatically at ${dueAt.toISOString()}, ${delayMinutes} minutes after it was placed, when the buyer can no longer cancel without asking`,
  }
}
