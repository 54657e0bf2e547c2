import type { SandboxClock } from "../clock.js"
import type { Order } from "../model.js"
import type { ShopeeError } from "../shopee-error.js"
import { airWaybillPdf } from "./air-waybill-pdf.js"
import type { Logistics } from "./logistics.js"
import {
  cannotPrint,
  documentNotCreated,
  documentNotReady,
  documentPickedUp,
  documentTypeInvalid,
  orderCancelled,
  trackingNumberInvalid,
} from "./shipping-errors.js"

export const SHIPPING_DOCUMENT_TYPES = ["NORMAL_AIR_WAYBILL", "THERMAL_AIR_WAYBILL"] as const
export type ShippingDocumentType = (typeof SHIPPING_DOCUMENT_TYPES)[number]
/** The type Shopee suggests for the sandbox's integrated channels. */
const SUGGESTED_TYPE: ShippingDocumentType = "THERMAL_AIR_WAYBILL"

export type DocumentStatus = "PROCESSING" | "READY" | "FAILED"

export interface ShippingDocument {
  type: ShippingDocumentType
  status: DocumentStatus
  created_at_ms: number
  /** When PROCESSING turns READY on the sandbox clock; null once settled. */
  ready_due_at_ms: number | null
  fail_reason: string | null
}

/** Sandbox-wide knobs of the air waybill (a reset returns to these defaults). */
export interface ShippingDocumentSettings {
  /** How long a created document stays PROCESSING; 0 makes it READY at once. Sandbox clock and a real timer, as for tracking numbers. */
  ready_delay_ms: number
}

/** A package's refusal in a batch call: what Shopee puts in that order's `result_list` entry. */
export type PerOrder<T> = { ok: T } | { fail: ShopeeError }

/** Statuses once the carrier holds the parcel: Shopee no longer prints its waybill. */
const PICKED_UP = ["SHIPPED", "TO_CONFIRM_RECEIVE", "TO_RETURN", "COMPLETED"]

/**
 * Shopee's air waybills: which types a package may print, documents that go PROCESSING ->
 * READY (push 15) or FAILED, and the PDF that download_shipping_document serves until pickup.
 * Like arrangements, documents live beside the saved state and a reset forgets them.
 */
export class ShippingDocuments {
  settings: ShippingDocumentSettings = { ready_delay_ms: 0 }
  private documents = new WeakMap<Order, ShippingDocument>()
  /** Orders whose next document fails (set through the control API), with the reason Shopee gives. */
  private failing = new WeakMap<Order, string>()
  private readonly timers = new Set<NodeJS.Timeout>()

  constructor(
    private readonly clock: SandboxClock,
    private readonly logistics: Logistics,
    private readonly announce: (order: Order, status: DocumentStatus) => void,
    private readonly changed: () => void
  ) {}

  reset(): void {
    for (const timer of this.timers) clearTimeout(timer)
    this.timers.clear()
    this.settings = { ready_delay_ms: 0 }
    this.documents = new WeakMap()
    this.failing = new WeakMap()
  }

  documentOf(order: Order): ShippingDocument | null {
    return this.documents.get(order) ?? null
  }

  /** The next document created for this order fails with this reason (null: it succeeds again). */
  failNext(order: Order, reason: string | null): void {
    if (reason === null) this.failing.delete(order)
    else this.failing.set(order, reason)
  }

  /** get_shipping_document_parameter for one package. */
  parameter(order: Order): PerOrder<{ suggest_shipping_document_type: string; selectable_shipping_document_type: string[] }> {
    const refusal = this.printRefusal(order)
    if (refusal) return { fail: refusal }
    return { ok: { suggest_shipping_document_type: SUGGESTED_TYPE, selectable_shipping_document_type: [...SHIPPING_DOCUMENT_TYPES] } }
  }

  /** create_shipping_document for one package: checks as Shopee does, then a PROCESSING (or READY, without delay) document. */
  create(order: Order, request: { tracking_number?: string; shipping_document_type?: string }): PerOrder<null> {
    const refusal = this.printRefusal(order)
    if (refusal) return { fail: refusal }
    if (!request.tracking_number || request.tracking_number !== order.package.tracking_number) return { fail: trackingNumberInvalid() }
    const type = (request.shipping_document_type ?? SUGGESTED_TYPE) as ShippingDocumentType
    if (!SHIPPING_DOCUMENT_TYPES.includes(type)) return { fail: documentTypeInvalid(type) }
    const failReason = this.failing.get(order) ?? null
    this.failing.delete(order)
    const now = this.clock.nowMs()
    const document: ShippingDocument = { type, status: "PROCESSING", created_at_ms: now, ready_due_at_ms: null, fail_reason: null }
    this.documents.set(order, document)
    if (failReason !== null) {
      document.status = "FAILED"
      document.fail_reason = failReason
      this.announce(order, "FAILED")
    } else if (this.settings.ready_delay_ms === 0) {
      this.makeReady(order)
    } else {
      document.ready_due_at_ms = now + this.settings.ready_delay_ms
      const timer = setTimeout(() => {
        this.timers.delete(timer)
        this.settle(order)
      }, this.settings.ready_delay_ms)
      timer.unref()
      this.timers.add(timer)
    }
    this.changed()
    return { ok: null }
  }

  /** get_shipping_document_result for one package: READY once its delay has passed on the sandbox clock. */
  result(order: Order): PerOrder<{ status: DocumentStatus; fail_error?: string; fail_message?: string }> {
    const document = this.documents.get(order)
    if (!document) return { fail: documentNotCreated() }
    this.settle(order)
    if (document.status === "FAILED")
      return { ok: { status: "FAILED", fail_error: "logistics.shipping_document_failed", fail_message: document.fail_reason ?? "" } }
    return { ok: { status: document.status } }
  }

  /** The control API's "ready now": a PROCESSING document turns READY at once, push 15 included. */
  completeNow(order: Order): ShippingDocument | null {
    const document = this.documents.get(order)
    if (document?.status === "PROCESSING") {
      document.ready_due_at_ms = null
      this.makeReady(order)
      this.changed()
    }
    return document ?? null
  }

  /** download_shipping_document: one PDF with a page per package, all READY with this type and not yet picked up. */
  download(orders: Order[], type: string | undefined): Buffer {
    for (const order of orders) {
      if (PICKED_UP.includes(order.order_status)) throw documentPickedUp()
      const document = this.documents.get(order)
      if (!document) throw documentNotCreated()
      this.settle(order)
      if (document.status !== "READY" || (type !== undefined && type !== document.type)) throw documentNotReady()
    }
    return airWaybillPdf(
      orders.map((order) => ({
        order_sn: order.order_sn,
        package_number: order.package.package_number,
        tracking_number: order.package.tracking_number,
        shipping_document_type: this.documents.get(order)!.type,
      }))
    )
  }

  /** Why Shopee would not print this package's waybill now, or null. */
  private printRefusal(order: Order): ShopeeError | null {
    if (order.order_status === "CANCELLED" || order.order_status === "IN_CANCEL") return orderCancelled()
    if (PICKED_UP.includes(order.order_status)) return documentPickedUp()
    if (order.order_status !== "PROCESSED" && order.order_status !== "RETRY_SHIP") return cannotPrint("shipment is not arranged")
    if (this.logistics.arrangementOf(order)?.mode === "non_integrated") return cannotPrint("the channel is not integrated")
    if (order.package.tracking_number === "") return cannotPrint("the package has no tracking number yet")
    return null
  }

  private settle(order: Order): void {
    const document = this.documents.get(order)
    if (!document || document.status !== "PROCESSING" || document.ready_due_at_ms === null) return
    if (this.clock.nowMs() < document.ready_due_at_ms) return
    document.ready_due_at_ms = null
    this.makeReady(order)
    this.changed()
  }

  private makeReady(order: Order): void {
    this.documents.get(order)!.status = "READY"
    this.announce(order, "READY")
  }
}
