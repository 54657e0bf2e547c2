/** Shopee's push codes, as its push documentation names them. */
export const PUSH_CODE_NAMES: Record<number, string> = {
  1: "shop authorization",
  2: "shop deauthorization",
  3: "order status update",
  4: "tracking number",
  5: "Shopee updates",
  6: "banned item",
  7: "item promotion",
  8: "reserved stock change",
  9: "promotion update",
  10: "webchat",
  11: "video upload",
  12: "authorization expiring",
  13: "brand register",
  15: "shipping document status",
}

export function pushCodeName(code: number | null): string {
  return code === null ? "unknown code" : PUSH_CODE_NAMES[code] ?? `code ${code}`
}

/** Codes 1, 2 and 12 concern the partner's authorization rather than one shop's data. */
export const AUTHORIZATION_PUSH_CODES = new Set([1, 2, 12])
