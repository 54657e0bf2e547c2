import type { Arrangement } from "../logistics/logistics.js"
import type { ShippingDocument } from "../logistics/shipping-documents.js"
import type { Order } from "../model.js"
import { logisticsStatus } from "../order-detail.js"

/** One package's logistics as the console shows it: plain text, escaped by the page. */
export interface PackageLogistics {
  package_number: string
  /** The arranged shipping mode; empty until ship_order (and after a reset or restart, which forget arrangements). */
  mode: string
  logistics_status: string
  /** The tracking number, "pending (due …)" while the carrier's delay runs, or empty. */
  tracking: string
  /** The air waybill's type and status (with the failure reason), or empty when none was created. */
  shipping_document: string
}

/** Sandbox-clock milliseconds in the console's date format. */
function clockTime(ms: number): string {
  return new Date(ms).toISOString().replace("T", " ").slice(0, 19)
}

/** What the console lists for an order's package: the same names Shopee's API and the control API use. */
export function packageLogistics(
  order: Pick<Order, "order_status" | "package">,
  arrangement: Arrangement | null,
  document: ShippingDocument | null
): PackageLogistics {
  const { tracking_number: trackingNumber } = order.package
  const due = arrangement?.tracking_due_at_ms ?? null
  let documentText = ""
  if (document) {
    documentText = `${document.type} ${document.status}`
    if (document.status === "FAILED" && document.fail_reason) documentText += `: ${document.fail_reason}`
  }
  return {
    package_number: order.package.package_number,
    mode: arrangement?.mode ?? "",
    logistics_status: logisticsStatus(order.order_status, trackingNumber),
    tracking: trackingNumber !== "" ? trackingNumber : due !== null ? `pending (due ${clockTime(due)})` : "",
    shipping_document: documentText,
  }
}
