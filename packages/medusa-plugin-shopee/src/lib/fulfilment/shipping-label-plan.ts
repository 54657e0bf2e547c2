import type { ShippingDocumentParameter, ShippingDocumentResult } from "@shopee-medusa/shopee-client"
import type { LabelState, ShipmentState } from "../../modules/shopee/models/shopee-order-sync"

/** The order's sync row, as the label's decisions read it. */
export type LabelRow = {
  id: string
  order_sn: string
  shopee_status: string | null
  shipment_state: ShipmentState | null
  tracking_number: string | null
  label_state: LabelState | null
  label_reason: string | null
  label_document_type: string | null
  label_file_id: string | null
}

export type LabelRequestPlan =
  /** 409: the operator sees why. */
  | { act: "refuse"; reason: string }
  /** Requested already (its result is read again) or ready: nothing is created twice. */
  | { act: "keep" }
  | { act: "create" }

const CANCELLED = new Set(["CANCELLED", "IN_CANCEL"])
/** Arranged on Shopee, whether from Medusa (shipment_state) or in Seller Centre (the status alone). */
const ARRANGED = new Set(["PROCESSED", "RETRY_SHIP"])
/** The carrier holds the parcel: Shopee prints no waybill any more. */
const PICKED_UP = new Set(["SHIPPED", "TO_CONFIRM_RECEIVE", "TO_RETURN", "COMPLETED"])

/**
 * Whether asking for the label creates a Shopee document. A label is created once: a requested
 * or ready one is kept, a failed one is asked again. Shopee prints only an arranged package with a
 * tracking number, and never a cancelled order's.
 */
export function planLabelRequest(row: LabelRow): LabelRequestPlan {
  if (row.label_state === "ready" && row.label_file_id) return { act: "keep" }
  const sn = row.order_sn
  const status = row.shopee_status ?? ""
  if (CANCELLED.has(status)) return { act: "refuse", reason: `Shopee order ${sn} is cancelled on Shopee (${status}): it gets no label` }
  if (row.label_state === "requested") return { act: "keep" }
  if (PICKED_UP.has(status)) return { act: "refuse", reason: `Shopee order ${sn} is ${status}: Shopee no longer prints its label` }
  if (row.shipment_state !== "arranged" && !ARRANGED.has(status))
    return { act: "refuse", reason: `Shopee order ${sn}'s shipment is not arranged yet: arrange it first` }
  if (!row.tracking_number)
    return { act: "refuse", reason: `Shopee order ${sn} has no tracking number yet: Shopee gives one a few minutes after arrangement` }
  return { act: "create" }
}

/** The document type to create: the one Shopee suggests, else the first it allows; or why there is none. */
export function planDocumentType(parameter: ShippingDocumentParameter | undefined): { type: string } | { fail: string } {
  if (!parameter) return { fail: "Shopee did not answer for the package" }
  if (parameter.fail_error) return { fail: `Shopee: ${parameter.fail_message || parameter.fail_error}` }
  const type = parameter.suggest_shipping_document_type || parameter.selectable_shipping_document_type?.[0]
  return type ? { type } : { fail: "Shopee offers no shipping document type for the package" }
}

/** A package's refusal in create_shipping_document's answer, as the label's reason; null when it was accepted. */
export function creationFailure(entry: { fail_error?: string; fail_message?: string } | undefined): string | null {
  if (!entry) return "Shopee did not answer for the package"
  return entry.fail_error ? `Shopee: ${entry.fail_message || entry.fail_error}` : null
}

export type LabelProgress = { act: "download" } | { act: "wait" } | { act: "fail"; reason: string }

/**
 * The label's next step from get_shipping_document_result (after push 15, or a poll): download
 * when READY, at once, because Shopee serves it only until pickup. A FAILED document carries its
 * reason in `fail_error` / `fail_message`, as a refused package does.
 */
export function planLabelProgress(result: ShippingDocumentResult | undefined): LabelProgress {
  if (!result) return { act: "wait" }
  if (result.fail_error) return { act: "fail", reason: `Shopee: ${result.fail_message || result.fail_error}` }
  if (result.status === "READY") return { act: "download" }
  if (result.status === "FAILED") return { act: "fail", reason: "Shopee could not make the label" }
  return { act: "wait" }
}

/** What the admin sees of a label: `url` is the route that serves the stored file, once there is one. */
export type LabelView = { state: LabelState | null; url: string | null; reason: string | null }

export function labelView(row: Pick<LabelRow, "id" | "label_state" | "label_reason" | "label_file_id">): LabelView {
  const ready = row.label_state === "ready" && !!row.label_file_id
  return {
    state: row.label_state,
    url: ready ? `/admin/shopee/orders/${row.id}/label/file` : null,
    reason: row.label_state === "failed" ? row.label_reason : null,
  }
}

export type BulkLabelPlan = { refuse: string } | { download: { order_sn: string }[]; shipping_document_type: string }

/**
 * One file for several labels: every id must name an order whose label is ready, and all of one
 * document type, because Shopee downloads a single type per call.
 */
export function planBulkLabels(ids: string[], rows: LabelRow[]): BulkLabelPlan {
  const byId = new Map(rows.map((row) => [row.id, row]))
  const notReady = ids.filter((id) => {
    const row = byId.get(id)
    return !row || row.label_state !== "ready" || !row.label_file_id
  })
  if (notReady.length > 0) return { refuse: `These Shopee orders have no ready label: ${notReady.join(", ")}` }
  const chosen = ids.map((id) => byId.get(id)!)
  const types = [...new Set(chosen.map((row) => row.label_document_type ?? ""))]
  if (types.length !== 1 || !types[0])
    return { refuse: `The labels are of different document types (${types.join(", ")}): print each type separately` }
  return { download: chosen.map((row) => ({ order_sn: row.order_sn })), shipping_document_type: types[0] }
}
