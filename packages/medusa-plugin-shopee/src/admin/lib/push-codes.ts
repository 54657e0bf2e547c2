import { PUSH_CODES, pushCodeName, type PushCode } from "@shopee-medusa/shopee-client/vocabulary"

/** A push code's name as a label: "Order status update", "Code 99". */
export function pushCodeLabel(code: number | null | undefined): string {
  const name = pushCodeName(code)
  return name.charAt(0).toUpperCase() + name.slice(1)
}

/** The codes offered in the events list's filter: those the connector acts on first, then the common others. */
export const FILTERABLE_PUSH_CODES: readonly PushCode[] = [
  PUSH_CODES.ORDER_STATUS_UPDATE,
  PUSH_CODES.TRACKING_NUMBER,
  PUSH_CODES.SHOP_AUTHORIZATION,
  PUSH_CODES.SHOP_DEAUTHORIZATION,
  PUSH_CODES.AUTHORIZATION_EXPIRING,
  PUSH_CODES.RESERVED_STOCK_CHANGE,
  PUSH_CODES.SHOPEE_UPDATES,
]
