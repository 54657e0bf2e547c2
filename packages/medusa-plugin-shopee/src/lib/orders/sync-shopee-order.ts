import { randomUUID } from "node:crypto"
import type { MedusaContainer } from "@medusajs/framework/types"
import type { OrderDetail } from "@shopee-medusa/shopee-client"
import type { ShopeeEnvironment } from "../../modules/shopee/environments"
import { isUniqueViolation } from "../../modules/shopee/database-errors"
import { ORDER_EXCEPTION_KINDS } from "../../modules/shopee/exceptions/vocabulary"
import { shipmentAlertOf } from "../fulfilment/shipment-alert"
import { resolveShopee } from "../shopee-module"
import { lockFor } from "../with-lock"
import { applyOrderActions, readAppliedState } from "./apply-order-actions"
import { createOrderFromShopee, orderSetupReader, type PlaceShopeeOrder, type ReadOrderSetup } from "./create-order-from-shopee"
import { crashPoint } from "./crash-point"
import { discardUnplacedOrders, findOrdersOfShopeeOrder, linkOrderToSync } from "./earlier-attempts"
import { OrderImportHold } from "./order-import-hold"
import { isPaidStatus } from "./order-status-map"
import { planOrderCreation } from "./plan-order-creation"
import { planOrderSync, planOrderUpdate, type LastSync, type OrderSyncOutcome } from "./plan-order-sync"

export type SyncOrderInput = {
  environment: ShopeeEnvironment
  profile_id: string | null
  shop_id: string
  detail: OrderDetail
  tracking_number?: string | null
  event_id?: string | null
}

/** What became of one order, and why (a hold's message names what a person must fix). */
export type OrderSyncResult = { outcome: OrderSyncOutcome; reason: string }

type SyncRow = LastSync & { id: string; import_claim: string | null }

/**
 * Brings one Shopee order into Medusa, exactly once, and keeps it current. The order's sync
 * row is claimed first (a unique row per environment and order_sn), everything runs under a
 * lock on that order, and the row is read again inside the lock before any create. Exactly once
 * holds across crashes too: before creating, the orders an earlier attempt left are looked up by
 * their Shopee reference (`planOrderCreation` adopts a placed one, discards a draft), and a new
 * attempt records its claim on the row before it creates anything. What to do is decided by
 * `planOrderSync`, `planOrderCreation` and `planOrderUpdate`; this carries it out. Orders are
 * placed by `placeOrder` (the workflow, passed in by the step that runs this), with the set-up
 * from `readSetup` (one reader per batch). A hold (unknown SKU,
 * no region for the currency) raises an exception for a person and creates nothing; any other
 * failure is thrown for the caller to record and retry.
 */
export async function syncShopeeOrder(
  container: MedusaContainer,
  input: SyncOrderInput,
  placeOrder: PlaceShopeeOrder,
  readSetup: ReadOrderSetup = orderSetupReader(container)
): Promise<OrderSyncResult> {
  const key = `shopee-order:${input.environment}:${input.detail.order_sn}`
  return lockFor(container)(key, () => syncUnderLock(container, input, placeOrder, readSetup))
}

async function syncUnderLock(
  container: MedusaContainer,
  input: SyncOrderInput,
  placeOrder: PlaceShopeeOrder,
  readSetup: ReadOrderSetup
): Promise<OrderSyncResult> {
  const shopee = resolveShopee(container)
  const { detail } = input
  const done = (outcome: OrderSyncOutcome, reason = `Order ${detail.order_sn}: ${outcome}`): OrderSyncResult => ({ outcome, reason })
  const row = await claimSyncRow(container, input)
  const plan = planOrderSync(row, detail, input.tracking_number)
  if (plan.step === "stale" || plan.step === "unchanged") return done(plan.step)
  const tracking = plan.tracking_number
  const record = (changes: Record<string, unknown>) =>
    shopee.updateShopeeOrderSyncs({
      id: row.id,
      shopee_status: detail.order_status,
      shopee_update_time: detail.update_time,
      currency: detail.currency,
      total_amount: detail.total_amount ?? null,
      buyer_username: detail.buyer_username ?? null,
      tracking_number: tracking,
      last_raw_event_id: input.event_id ?? undefined,
      last_synced_at: new Date(),
      ...changes,
    })
  let orderId = row.order_id
  let outcome: OrderSyncOutcome = "updated"
  if (plan.step === "create" || plan.step === "skip") {
    // The row has no Medusa order yet, but an earlier attempt may have made one before dying.
    const found = await findOrdersOfShopeeOrder(container, {
      environment: input.environment,
      order_sn: detail.order_sn,
      sync_row_id: row.id,
    })
    const creation = planOrderCreation({ claim: row.import_claim, cancelledOnShopee: plan.step === "skip", found })
    await discardUnplacedOrders(container, creation.discard)
    if (creation.step === "skip" && plan.step === "skip") {
      await record({ state: "skipped", state_reason: plan.reason })
      return done("skipped", plan.reason)
    }
    let oversold: string | null
    if (creation.step === "adopt") {
      if (creation.link) await linkOrderToSync(container, row.id, creation.order.id)
      orderId = creation.order.id
      oversold = creation.order.oversold
    } else {
      // The claim is recorded before anything is created: a retry then knows the order it finds.
      const claim = `shoclaim_${randomUUID()}`
      await shopee.updateShopeeOrderSyncs({ id: row.id, state: "creating", import_claim: claim })
      crashPoint("claimed")
      try {
        const created = await createOrderFromShopee(
          container,
          { environment: input.environment, profile_id: input.profile_id, shop_id: input.shop_id, detail, sync_row_id: row.id, claim },
          placeOrder,
          readSetup
        )
        orderId = created.order_id
        oversold = created.oversold
      } catch (error) {
        if (!(error instanceof OrderImportHold)) throw error
        await record({ state: "held", state_reason: error.message })
        await shopee.raiseException({
          environment: input.environment,
          kind: error.kind,
          payload_ref: detail.order_sn,
          message: error.message,
        })
        return done("held", error.message)
      }
    }
    // Raised before the row records the order, so an order adopted after a crash still raises it
    // (an open exception of the same kind and order is not raised twice).
    if (oversold) {
      await shopee.raiseException({
        environment: input.environment,
        kind: "oversell",
        payload_ref: detail.order_sn,
        message: `Shopee order ${detail.order_sn} was imported, but Medusa's stock could not cover it (${oversold}). The item was sold twice: cancel one of the sales or find another copy.`,
      })
    }
    // Only the order is recorded here, not Shopee's update_time: until the actions below are
    // applied, a retry after a crash must not find the update already done.
    await shopee.updateShopeeOrderSyncs({ id: row.id, order_id: orderId, state: "imported", state_reason: null })
    crashPoint("recorded")
    outcome = "imported"
  }

  const { applied } = await readAppliedState(container, orderId!)
  const update = planOrderUpdate(orderId!, applied, detail.order_status)
  if ("hold" in update) {
    const error = update.hold
    await record({ state_reason: error.message })
    await shopee.raiseException({ environment: input.environment, kind: error.kind, payload_ref: detail.order_sn, message: error.message })
    return done("held", error.message)
  }
  await applyOrderActions(container, orderId!, update.actions, tracking)
  // A failed delivery or a return is shown and left to a person, never applied to the Medusa order.
  const alert = shipmentAlertOf(detail.order_sn, detail.order_status)
  await record({
    state: "imported",
    state_reason: null,
    paid: isPaidStatus(detail.order_status) || applied.paid,
    shipment_alert: alert?.message ?? null,
  })
  if (alert) {
    await shopee.raiseException({ environment: input.environment, kind: alert.kind, payload_ref: detail.order_sn, message: alert.message })
  }
  await shopee.settleExceptions({ environment: input.environment, payload_ref: detail.order_sn, kinds: ORDER_EXCEPTION_KINDS })
  return done(outcome)
}

/** The sync row of the order: created by the first caller; a concurrent creator finds it. */
async function claimSyncRow(container: MedusaContainer, input: SyncOrderInput): Promise<SyncRow> {
  const shopee = resolveShopee(container)
  const filters = { environment: input.environment, order_sn: input.detail.order_sn }
  const [existing] = (await shopee.listShopeeOrderSyncs(filters)) as SyncRow[]
  if (existing) return existing
  try {
    return (await shopee.createShopeeOrderSyncs({
      ...filters,
      shop_id: input.shop_id,
      profile_id: input.profile_id,
      state: "claimed",
    })) as SyncRow
  } catch (error) {
    if (!isUniqueViolation(error)) throw error
    return ((await shopee.listShopeeOrderSyncs(filters)) as SyncRow[])[0]
  }
}
