import type { OrderHold } from "./plan-order-sync"

/**
 * An order that cannot be imported until a person acts (an unknown SKU, a currency no region
 * sells in), thrown from deep in the creation so that nothing is half-made; the sync records it.
 */
export class OrderImportHold extends Error {
  constructor(
    readonly kind: OrderHold["kind"],
    message: string
  ) {
    super(message)
  }
}
