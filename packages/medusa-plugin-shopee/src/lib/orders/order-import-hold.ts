/**
 * An order that cannot be imported until a person acts (an unknown SKU, a currency no region
 * sells in). It is held in the exception queue with the reason; nothing is invented meanwhile.
 */
export class OrderImportHold extends Error {
  constructor(
    readonly kind: "unknown_sku" | "currency_unmatched" | "setup_missing" | "cannot_cancel_shipped",
    message: string
  ) {
    super(message)
  }
}
