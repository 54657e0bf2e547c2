import { model } from "@medusajs/framework/utils"
import { SHOPEE_ENVIRONMENTS } from "../environments"

export const ORDER_SYNC_STATES = ["claimed", "creating", "imported", "held", "skipped"] as const
export type OrderSyncState = (typeof ORDER_SYNC_STATES)[number]

/**
 * Where arranging the order's shipment on Shopee stands: `deferred` (Shopee said "not now": being
 * allocated, no pickup slot; retried through its exception), `arranged` (ship_order done: never
 * called again), `refused` (cancelled on Shopee, or not shippable; `shipment_reason` says why).
 */
export const SHIPMENT_STATES = ["deferred", "arranged", "refused"] as const
export type ShipmentState = (typeof SHIPMENT_STATES)[number]

/**
 * Where the order's Shopee label (air waybill) stands: `requested` (create_shipping_document
 * done, Shopee is making it), `ready` (downloaded and stored through Medusa's File module, since
 * Shopee serves it only until pickup), `failed` (`label_reason` says why; an exception retries it).
 */
export const LABEL_STATES = ["requested", "ready", "failed"] as const
export type LabelState = (typeof LABEL_STATES)[number]

/**
 * One row per environment and Shopee order, claimed before anything is created in Medusa: the
 * unique index is what makes an import happen exactly once. `state` says where the import
 * stands (`creating`: a Medusa order is being made under `import_claim`, the id also written
 * into that order's metadata, so a retry after a crash finds it; `held`: waiting for a person,
 * e.g. an unknown SKU; `skipped`: cancelled before it was ever imported). `shopee_update_time`
 * guards against an older update overwriting a newer.
 */
export const ShopeeOrderSync = model
  .define("shopee_order_sync", {
    id: model.id({ prefix: "shord" }).primaryKey(),
    environment: model.enum([...SHOPEE_ENVIRONMENTS]),
    order_sn: model.text(),
    shop_id: model.text(),
    profile_id: model.text().nullable(),
    order_id: model.text().nullable(),
    state: model.enum([...ORDER_SYNC_STATES]).default("claimed"),
    state_reason: model.text().nullable(),
    import_claim: model.text().nullable(),
    shopee_status: model.text().nullable(),
    shopee_update_time: model.number().nullable(),
    currency: model.text().nullable(),
    total_amount: model.float().nullable(),
    buyer_username: model.text().nullable(),
    tracking_number: model.text().nullable(),
    paid: model.boolean().default(false),
    last_raw_event_id: model.text().nullable(),
    last_synced_at: model.dateTime().nullable(),
    shipment_state: model.enum([...SHIPMENT_STATES]).nullable(),
    /** The mode Shopee arranged (pickup, dropoff, non_integrated). */
    shipment_mode: model.text().nullable(),
    /** What the operator asked for, kept so that a deferred arrangement is retried as asked. */
    shipment_request: model.json().nullable(),
    shipment_reason: model.text().nullable(),
    shipment_arranged_at: model.dateTime().nullable(),
    /** The Medusa fulfilment the arrangement created (or found), which carries the tracking label. */
    fulfillment_id: model.text().nullable(),
    /** An automatic arrangement waiting for Shopee's buyer-cancel window: arranged by the due-shipments job from then on. */
    shipment_due_at: model.dateTime().nullable(),
    /** What Shopee reported that a person must handle (a failed delivery, a return): shown, never applied to the Medusa order. */
    shipment_alert: model.text().nullable(),
    label_state: model.enum([...LABEL_STATES]).nullable(),
    /** The shipping document type the label was created with; a bulk download asks for one type. */
    label_document_type: model.text().nullable(),
    label_reason: model.text().nullable(),
    /** The stored PDF in Medusa's File module, and the URL its provider gave it. */
    label_file_id: model.text().nullable(),
    label_file_url: model.text().nullable(),
    label_requested_at: model.dateTime().nullable(),
    label_ready_at: model.dateTime().nullable(),
  })
  .indexes([
    { on: ["environment", "order_sn"], unique: true },
    { on: ["environment", "shopee_status"] },
    { on: ["environment", "created_at"] },
    { on: ["order_id"] },
    { on: ["environment", "label_state"] },
  ])
