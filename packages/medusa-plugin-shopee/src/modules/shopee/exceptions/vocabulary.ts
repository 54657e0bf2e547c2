/**
 * The exception queue's words: what an exception is about (its kind) and where it stands (its
 * status). Every writer names its kind from this list, so the admin's filter and the retry
 * rules see every kind there is.
 */
export const EXCEPTION_STATUSES = ["open", "retrying", "resolved"] as const
export type ExceptionStatus = (typeof EXCEPTION_STATUSES)[number]

/** The statuses of an exception that still needs a retry or a person. */
export const UNRESOLVED_EXCEPTION_STATUSES = ["open", "retrying"] as const satisfies readonly ExceptionStatus[]

/** Kinds whose `payload_ref` is an order_sn, and which a successful sync of that order settles. */
export const ORDER_EXCEPTION_KINDS = ["order_import_failed", "unknown_sku", "currency_unmatched", "setup_missing"] as const

export const EXCEPTION_KINDS = [
  ...ORDER_EXCEPTION_KINDS,
  // An order update Medusa cannot apply (a shipped order cancelled on Shopee).
  "cannot_cancel_shipped",
  // An order imported although Medusa's stock could not cover it: sold twice.
  "oversell",
  // Pushes: `payload_ref` is the raw event id.
  "push_signature_invalid",
  "push_unreadable",
  "push_processing_failed",
  // The shop's authorization, from a push or a refused refresh.
  "shop_deauthorized",
  "authorization_expiring",
  "token_refresh_failed",
  // Shopee reports the partner's push subscription failing or suspended (get_app_push_config);
  // `payload_ref` is `partner:<id>:<warning|suspended>`, settled once Shopee reports it normal.
  "push_subscription_failing",
  // `payload_ref` is the profile id.
  "reconcile_failed",
  // Arranging a shipment Shopee answered "not now" (being allocated, no pickup slot); `payload_ref`
  // is the order_sn, retried on a schedule with the operator's choice kept on the sync row.
  "shipment_deferred",
  // Shopee's carrier failed to deliver (RETRY_SHIP), or the buyer asked to return (TO_RETURN): shown
  // on the sync row for a person, never applied to the Medusa order. `payload_ref` is the order_sn.
  "delivery_failed",
  "return_requested",
  // Shopee refused or failed the order's label (air waybill); `payload_ref` is the order_sn, and a
  // retry asks for the label again.
  "label_failed",
  // The stock writer; `payload_ref` is the profile id (the variant id for a suspected oversell).
  // A plan that looked like a broken read: nothing was written.
  "stock_plan_refused",
  // The re-read before a write found more units sold than Medusa holds.
  "stock_oversell_suspected",
  // Five system failures in a row: the writer stopped until a person changes its mode.
  "stock_writer_disarmed",
  // A run could not finish (Medusa unreadable, the re-read failed, an unexpected error).
  "stock_run_failed",
] as const
export type ExceptionKind = (typeof EXCEPTION_KINDS)[number]
