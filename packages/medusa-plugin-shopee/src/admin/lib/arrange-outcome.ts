/** The ship route's answer when it is 2xx: 200 arranged, 202 deferred (Shopee said "not now"). */
export type ShipAnswer = {
  shipment:
    | { outcome: "arranged"; order_sn: string; mode: string | null; ship_order_calls: number; tracking_number: string | null }
    | { outcome: "deferred"; order_sn: string; reason: string }
}

export type ArrangeOutcome = {
  kind: "arranged" | "already_arranged" | "retry_later" | "refused" | "failed"
  reason: string | null
}

/** The words of each outcome, in one place for a later translation. */
export const ARRANGE_OUTCOME_LABELS: Record<ArrangeOutcome["kind"], string> = {
  arranged: "Arranged",
  already_arranged: "Already arranged",
  retry_later: "Retry later",
  refused: "Refused",
  failed: "Failed",
}

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
 * other error (a choice Shopee does not offer, Shopee failing, the network) is a failure.
 */
export function arrangeOutcome(result: { answer: ShipAnswer } | { error: unknown }): ArrangeOutcome {
  if ("answer" in result) {
    const shipment = result.answer.shipment
    if (shipment.outcome === "deferred") return { kind: "retry_later", reason: shipment.reason }
    return { kind: shipment.ship_order_calls > 0 ? "arranged" : "already_arranged", reason: null }
  }
  const error = result.error as { status?: number; message?: string } | null
  const reason = error?.message || "The request failed."
  return { kind: error?.status === 409 ? "refused" : "failed", reason }
}
