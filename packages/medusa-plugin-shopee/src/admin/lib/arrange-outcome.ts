/** The ship route's answer when it is 2xx: 200 arranged, 202 deferred (Shopee said "not now"). */
export type ShipAnswer = {
  shipment:
    | { outcome: "arranged"; order_sn: string; mode: string | null; ship_order_calls: number; tracking_number: string | null }
    | { outcome: "deferred"; order_sn: string; reason: string }
}

/** `reason` is Shopee's or the server's own text (not translated); `null` on a failure without one. */
export type ArrangeOutcome = {
  kind: "arranged" | "already_arranged" | "retry_later" | "refused" | "failed"
  reason: string | null
}

/** The translation key of each outcome's words. */
export const arrangeOutcomeLabelKey = (kind: ArrangeOutcome["kind"]) => `shopee.fulfilment.outcome.${kind}`

export const ARRANGE_OUTCOME_COLORS: Record<ArrangeOutcome["kind"], "green" | "blue" | "orange" | "red"> = {
  arranged: "green",
  already_arranged: "blue",
  retry_later: "orange",
  refused: "red",
  failed: "red",
}

/**
 * What one arrangement came to, from the ship route's answer or its error. An arrangement that
 * called ship_order no time was arranged before (by an earlier request or in Seller Centre); 409
 * is the server's refusal (cancelled on Shopee, not imported, not ready) with its reason; any
 * other error (a choice Shopee does not offer, Shopee failing, the network) is a failure. An error
 * without a message has no reason: the page says "The request failed." in the admin's language.
 */
export function arrangeOutcome(result: { answer: ShipAnswer } | { error: unknown }): ArrangeOutcome {
  if ("answer" in result) {
    const shipment = result.answer.shipment
    if (shipment.outcome === "deferred") return { kind: "retry_later", reason: shipment.reason }
    return { kind: shipment.ship_order_calls > 0 ? "arranged" : "already_arranged", reason: null }
  }
  const error = result.error as { status?: number; message?: string } | null
  const reason = error?.message || null
  return { kind: error?.status === 409 ? "refused" : "failed", reason }
}
