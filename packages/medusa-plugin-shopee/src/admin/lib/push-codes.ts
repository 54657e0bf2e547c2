import { pushCodeName } from "@shopee-medusa/shopee-client/vocabulary"

/** A push code's name as a label: "Order status update", "Code 99". */
export function pushCodeLabel(code: number | null | undefined): string {
  const name = pushCodeName(code)
  return name.charAt(0).toUpperCase() + name.slice(1)
}

/** The codes offered in the events list's filter. */
export const FILTERABLE_PUSH_CODES = [3, 4, 1, 2, 12, 8, 5]
