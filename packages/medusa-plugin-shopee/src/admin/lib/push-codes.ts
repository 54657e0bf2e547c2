import { PUSH_CODES, pushCodeName, type PushCode } from "@shopee-medusa/shopee-client/vocabulary"
import type { TextKey } from "./translate"

const KNOWN_CODES = new Set<number>(Object.values(PUSH_CODES))

/** A push code's label as a translation key: `shopee.pushCodes.c3` ("Order status update"), else "Code 99". */
export function pushCodeLabel(code: number | null | undefined): TextKey {
  if (code === null || code === undefined) return { key: "shopee.pushCodes.unknown" }
  if (KNOWN_CODES.has(code)) return { key: `shopee.pushCodes.c${code}` }
  return { key: "shopee.pushCodes.other", params: { code } }
}

/** The English label of a code, from the client's name for it; the English file holds the same words. */
export function englishPushCodeLabel(code: number): string {
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
