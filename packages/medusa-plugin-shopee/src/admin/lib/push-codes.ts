/** Shopee's push codes as its push documentation names them, for the events list. */
const PUSH_CODE_NAMES: Record<number, string> = {
  1: "Shop authorization",
  2: "Shop deauthorization",
  3: "Order status update",
  4: "Tracking number",
  5: "Shopee updates",
  6: "Banned item",
  7: "Item promotion",
  8: "Reserved stock change",
  9: "Promotion update",
  10: "Webchat",
  11: "Video upload",
  12: "Authorization expiring",
  13: "Brand register",
  15: "Shipping document status",
}

export function pushCodeName(code: number | null | undefined): string {
  if (code === null || code === undefined) return "Unknown code"
  return PUSH_CODE_NAMES[code] ?? `Code ${code}`
}

/** The codes offered in the events list's filter. */
export const FILTERABLE_PUSH_CODES = [3, 4, 1, 2, 12, 8, 5]
