import { ORDER_STATUSES } from "@shopee-medusa/shopee-client/vocabulary"

/** Shopee's statuses first, in the order an order goes through them; any other follows, by name. */
export function orderedStatuses(byStatus: Record<string, number>): [string, number][] {
  const rank = (status: string) => {
    const index = (ORDER_STATUSES as readonly string[]).indexOf(status)
    return index === -1 ? ORDER_STATUSES.length : index
  }
  return Object.entries(byStatus).sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
}

/** `READY_TO_SHIP` → `Ready to ship`. */
export function statusLabel(status: string): string {
  const words = status.toLowerCase().replace(/_/g, " ")
  return words.charAt(0).toUpperCase() + words.slice(1)
}

export const EXCEPTION_STATUS_OPTIONS = [
  { value: "open,retrying", label: "Open or retrying" },
  { value: "open", label: "Open" },
  { value: "retrying", label: "Retrying" },
  { value: "resolved", label: "Resolved" },
]

export const EVENT_STATUS_OPTIONS = [
  { value: "pending,failed", label: "Unprocessed (pending or failed)" },
  { value: "pending", label: "Pending" },
  { value: "processed", label: "Processed" },
  { value: "ignored", label: "Ignored" },
  { value: "failed", label: "Failed" },
  { value: "duplicate", label: "Duplicate" },
  { value: "rejected", label: "Rejected" },
]
