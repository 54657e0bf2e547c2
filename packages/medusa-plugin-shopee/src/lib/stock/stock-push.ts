import { PUSH_CODES } from "@shopee-medusa/shopee-client"

/**
 * What a Shopee stock or item push means for the stock writer. These pushes only say that
 * something moved; the writer re-reads Shopee before it writes, so each effect is small: keep
 * the promotion reserve the plan floors at, forget a promotion lock once the promotion is
 * over, mark a banned item, and in every case re-plan the models concerned.
 *
 * - 7 item promotion: `action` promo_lock_stock (with `reserved_stock`), promo_end / promo_cancelled.
 * - 8 reserved stock change: `changed_values[{name: "reserved_stock", old, new}]`.
 * - 9 promotion update: added_in_promo / removed_from_promo / promo_time_updated.
 * - 16 item violation or ban: `item_status`.
 * Shopee's `variation_id` is the model id; 0 or absent means the item as a whole.
 */

export type StockPushEffect = {
  item_id: string
  /** null: every model of the item. */
  model_id: string | null
  /** The promotion reserve now, when the push says it. */
  reserved_stock: number | null
  /** false when the promotion is over (a lock learned from a refused write no longer holds). */
  promotion_active: boolean | null
  item_status: string | null
  summary: string
}

export type StockPushReading = { ok: true; effect: StockPushEffect } | { ok: false; reason: string }

const PROMOTION_OVER = new Set(["promo_end", "promo_cancelled", "removed_from_promo"])

export function readStockPush(code: number, body: string): StockPushReading {
  let data: Record<string, unknown>
  try {
    const parsed = JSON.parse(body) as { data?: unknown }
    if (typeof parsed?.data !== "object" || parsed.data === null) return { ok: false, reason: `push ${code} has no data` }
    data = parsed.data as Record<string, unknown>
  } catch {
    return { ok: false, reason: `push ${code} is not JSON` }
  }
  const itemId = idOf(data.item_id)
  if (itemId === null) return { ok: false, reason: `push ${code} names no item_id` }
  const variation = idOf(data.variation_id ?? data.model_id)
  const model_id = variation === null || variation === "0" ? null : variation
  const action = typeof data.action === "string" ? data.action : null
  const where = `item ${itemId}${model_id ? ` model ${model_id}` : ""}`
  switch (code) {
    case PUSH_CODES.ITEM_PROMOTION: {
      const reserved = countOf(data.reserved_stock)
      const over = action !== null && PROMOTION_OVER.has(action)
      return effect({
        item_id: itemId,
        model_id,
        reserved_stock: over ? (reserved ?? 0) : reserved,
        promotion_active: over ? false : null,
        item_status: null,
        summary: `promotion ${action ?? "change"} on ${where}`,
      })
    }
    case PUSH_CODES.RESERVED_STOCK_CHANGE: {
      const change = Array.isArray(data.changed_values)
        ? (data.changed_values as { name?: unknown; new?: unknown }[]).find((entry) => entry?.name === "reserved_stock")
        : undefined
      return effect({
        item_id: itemId,
        model_id,
        reserved_stock: countOf(change?.new),
        promotion_active: null,
        item_status: null,
        summary: `reserved stock ${action ?? "change"} on ${where}`,
      })
    }
    case PUSH_CODES.PROMOTION_UPDATE:
      return effect({
        item_id: itemId,
        model_id,
        reserved_stock: null,
        promotion_active: action !== null && PROMOTION_OVER.has(action) ? false : null,
        item_status: null,
        summary: `promotion update${action ? ` ${action}` : ""} on ${where}`,
      })
    case PUSH_CODES.ITEM_VIOLATION: {
      const status = typeof data.item_status === "string" && data.item_status ? data.item_status : null
      if (!status) return { ok: false, reason: "push 16 names no item_status" }
      return effect({
        item_id: itemId,
        model_id: null,
        reserved_stock: null,
        promotion_active: null,
        item_status: status,
        summary: `item ${itemId} is now ${status}`,
      })
    }
    default:
      return { ok: false, reason: `push ${code} is not a stock push` }
  }
}

function effect(value: StockPushEffect): StockPushReading {
  return { ok: true, effect: value }
}

function idOf(value: unknown): string | null {
  if (typeof value === "number" && Number.isSafeInteger(value) && value >= 0) return String(value)
  if (typeof value === "string" && /^\d{1,20}$/.test(value)) return value.replace(/^0+(?=\d)/, "")
  return null
}

function countOf(value: unknown): number | null {
  const number = typeof value === "string" && value.trim() !== "" ? Number(value) : value
  return typeof number === "number" && Number.isInteger(number) && number >= 0 ? number : null
}
