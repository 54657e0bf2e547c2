import { pushCodeName } from "@shopee-medusa/shopee-client"

export type PushAction =
  | { action: "order"; reason: string }
  | { action: "reconnect"; kind: "shop_deauthorized" | "authorization_expiring"; reason: string }
  | { action: "ignore"; reason: string }

/**
 * What the connector does with a stored push, by its code. A push is only a notice: order
 * pushes lead to fetching the order; authorization notices ask a person to reconnect; the
 * rest is recorded as ignored, with the reason, so that nothing looks silently dropped.
 */
export function dispatchPush(code: number | null, shopId: string | null): PushAction {
  switch (code) {
    case 3:
    case 4:
      return { action: "order", reason: `${pushCodeName(code)}: fetch the order from Shopee` }
    case 1:
      return { action: "ignore", reason: "Shop authorization noticed; its tokens come from the OAuth callback" }
    case 2:
      return {
        action: "reconnect",
        kind: "shop_deauthorized",
        reason: `Shopee reports that the authorization${shopId ? ` of shop ${shopId}` : ""} was cancelled. Reconnect the shop from the Shopee page.`,
      }
    case 12:
      return {
        action: "reconnect",
        kind: "authorization_expiring",
        reason: "Shopee reports that the shop authorization expires within 7 days. Reconnect the shop from the Shopee page.",
      }
    default:
      return { action: "ignore", reason: `${pushCodeName(code)} is not handled by the connector` }
  }
}
