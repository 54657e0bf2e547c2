import type { OrderStatus } from "@shopee-medusa/shopee-client"

export type ShipmentAlert = { kind: "delivery_failed" | "return_requested"; message: string }

/**
 * What Shopee reports about a shipment that only a person can settle: a failed delivery
 * (RETRY_SHIP: the carrier tries again, or the parcel comes back) and a return the buyer asked
 * for (TO_RETURN). Neither moves the Medusa order: what became of the parcel is not guessed.
 * Any other status has no alert (Shopee has moved on, e.g. SHIPPED again after a retry).
 */
export function shipmentAlertOf(orderSn: string, status: OrderStatus): ShipmentAlert | null {
  switch (status) {
    case "RETRY_SHIP":
      return {
        kind: "delivery_failed",
        message: `Shopee order ${orderSn} is RETRY_SHIP: the carrier could not deliver it. Check the parcel's fate in Seller Centre; the Medusa order is left as it was.`,
      }
    case "TO_RETURN":
      return {
        kind: "return_requested",
        message: `Shopee order ${orderSn} is TO_RETURN: the buyer asked to return it. Handle the return in Seller Centre and in Medusa; the Medusa order is left as it was.`,
      }
    default:
      return null
  }
}
