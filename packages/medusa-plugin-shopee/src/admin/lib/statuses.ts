import { ORDER_STATUSES } from "@shopee-medusa/shopee-client/vocabulary"
import type { Translate } from "./translate"

/** Shopee's statuses first, in the order an order goes through them; any other follows, by name. */
export function orderedStatuses(byStatus: Record<string, number>): [string, number][] {
  const rank = (status: string) => {
    const index = (ORDER_STATUSES as readonly string[]).indexOf(status)
    return index === -1 ? ORDER_STATUSES.length : index
  }
  return Object.entries(byStatus).sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
}

/** `READY_TO_SHIP` → `Ready to ship`: the words of a status no translation file names. */
export function statusWords(status: string): string {
  const words = status.toLowerCase().replace(/_/g, " ")
  return words.charAt(0).toUpperCase() + words.slice(1)
}

/**
 * A status (Shopee's order statuses, the import states, the events' and exceptions' statuses) in
 * the admin's language; one the files do not know yet reads as its own words.
 */
export function statusLabel(t: Translate, status: string): string {
  return t(`shopee.statuses.${status}`, { defaultValue: statusWords(status) })
}

/** The Status filter's choices as keys: the page translates them. */
export const EXCEPTION_STATUS_OPTIONS = [
  { value: "open,retrying", labelKey: "shopee.statusFilters.openOrRetrying" },
  { value: "open", labelKey: "shopee.statuses.open" },
  { value: "retrying", labelKey: "shopee.statuses.retrying" },
  { value: "resolved", labelKey: "shopee.statuses.resolved" },
]

export const EVENT_STATUS_OPTIONS = [
  { value: "pending,failed", labelKey: "shopee.statusFilters.unprocessed" },
  { value: "pending", labelKey: "shopee.statuses.pending" },
  { value: "processed", labelKey: "shopee.statuses.processed" },
  { value: "ignored", labelKey: "shopee.statuses.ignored" },
  { value: "failed", labelKey: "shopee.statuses.failed" },
  { value: "duplicate", labelKey: "shopee.statuses.duplicate" },
  { value: "rejected", labelKey: "shopee.statuses.rejected" },
]
