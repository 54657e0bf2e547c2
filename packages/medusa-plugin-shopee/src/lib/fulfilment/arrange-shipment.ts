import type { MedusaContainer } from "@medusajs/framework/types"
import { isShopeeError, logisticsRefusalOf, type LogisticsRefusal, type ShopeeShop } from "@shopee-medusa/shopee-client"
import type { ShopeeEnvironment } from "../../modules/shopee/environments"
import type { ShipmentState } from "../../modules/shopee/models/shopee-order-sync"
import { resolveShopee } from "../shopee-module"
import { lockFor } from "../with-lock"
import { chooseShipment, type ShipmentChoice } from "./choose-shipment"
import { ensureFulfilment, liveFulfilment, writeTrackingLabel } from "./medusa-fulfilment"
import { planFromShopeeStatus, planFromSyncRow, type ArrangementRow } from "./plan-arrangement"
import { planCancelWindow, shipDefaultChoice } from "./plan-auto-arrangement"
import { shipDefaultOf } from "./ship-default"

export type ArrangeShipmentInput = {
  environment: ShopeeEnvironment
  order_sn: string
  /** What the operator chose; omitted on a retry, which repeats the choice kept on the sync row. */
  choice?: ShipmentChoice
  /**
   * Set by the automatic path (a Medusa fulfilment created the usual way): the fulfilment to link,
   * and the time against which Shopee's buyer-cancel window is measured (now, unless a test says).
   * The manual path leaves it out and never waits.
   */
  automatic?: { fulfillment_id: string | null; now?: number }
}

export type ArrangementResult =
  | {
      outcome: "arranged"
      order_sn: string
      mode: string | null
      ship_order_calls: number
      fulfillment_id: string
      tracking_number: string | null
    }
  | {
      outcome: "refused"
      order_sn: string
      code: "not_imported" | "cancelled" | "not_ready" | "invalid_choice"
      reason: string
      field?: string
    }
  /** `due_at`: when an automatic arrangement waits for the buyer-cancel window, the time it is arranged. */
  | { outcome: "deferred"; order_sn: string; reason: string; due_at?: Date }

type SyncRow = ArrangementRow & {
  id: string
  profile_id: string | null
  tracking_number: string | null
  shipment_mode: string | null
  shipment_request: ShipmentChoice | null
  fulfillment_id: string | null
}

/** What the arrangement writes on the sync row. */
type ArrangementFields = {
  shipment_state?: ShipmentState
  shipment_mode?: string | null
  shipment_request?: ShipmentChoice
  shipment_reason?: string | null
  shipment_arranged_at?: Date
  fulfillment_id?: string
  tracking_number?: string | null
  shipment_due_at?: Date | null
}

/** A Shopee refusal that means "not now" or "done already", read from a failed logistics call; other failures are thrown on. */
class LogisticsRefused extends Error {
  constructor(
    readonly refusal: LogisticsRefusal,
    message: string
  ) {
    super(message)
  }
}

async function refusalOf<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call()
  } catch (error) {
    const refusal = isShopeeError(error) ? logisticsRefusalOf(error) : null
    if (refusal) throw new LogisticsRefused(refusal, `Shopee: ${(error as Error).message}`)
    throw error
  }
}

/**
 * Arranges a Shopee order's shipment from Medusa, under the order's lock (the one its sync takes):
 * reads Shopee's status and shipping parameters, calls ship_order once per package (Shopee's
 * "already shipped" counts as done), records the arrangement on the sync row so that it is never
 * asked again, creates the Medusa fulfilment and puts the tracking number on its label once
 * Shopee has one. A cancelled order is refused with the reason; "being allocated" and a missing
 * pickup slot defer it: a `shipment_deferred` exception retries it with the same choice.
 */
export async function arrangeShipment(container: MedusaContainer, input: ArrangeShipmentInput): Promise<ArrangementResult> {
  const key = `shopee-order:${input.environment}:${input.order_sn}`
  return lockFor(container)(key, () => arrangeUnderLock(container, input))
}

async function arrangeUnderLock(container: MedusaContainer, input: ArrangeShipmentInput): Promise<ArrangementResult> {
  const shopee = resolveShopee(container)
  const sn = input.order_sn
  const [row] = (await shopee.listShopeeOrderSyncs({ environment: input.environment, order_sn: sn })) as SyncRow[]
  if (!row) return { outcome: "refused", order_sn: sn, code: "not_imported", reason: `Shopee order ${sn} is not known to the connector` }
  const choice = input.choice ?? row.shipment_request ?? {}
  const shipDefault = await shipDefaultOf(container, input.environment, row.profile_id)
  const fallback = shipDefaultChoice(shipDefault)
  // The automatic path links the fulfilment Medusa created; the manual one the recorded (or any live) one.
  const fulfilmentId = input.automatic?.fulfillment_id ?? row.fulfillment_id
  const record = (fields: ArrangementFields) =>
    shopee.updateShopeeOrderSyncs({
      id: row.id,
      ...fields,
      shipment_request: fields.shipment_request as Record<string, unknown> | undefined,
    })
  const settleDeferral = () => shopee.settleExceptions({ environment: input.environment, payload_ref: sn, kinds: ["shipment_deferred"] })

  const rowPlan = planFromSyncRow(row)
  if (rowPlan.act === "refuse") return { outcome: "refused", order_sn: sn, ...rowPlan }
  const { shop } = await shopee.getShopApi(input.environment, lockFor(container))
  let mode = row.shipment_mode
  let shipOrderCalls = 0

  if (rowPlan.act === "ask_shopee") {
    const refuse = async (code: "cancelled" | "not_ready", reason: string): Promise<ArrangementResult> => {
      await record({ shipment_state: "refused", shipment_reason: reason, shipment_due_at: null })
      await settleDeferral()
      return { outcome: "refused", order_sn: sn, code, reason }
    }
    const defer = async (reason: string): Promise<ArrangementResult> => {
      await record({
        shipment_state: "deferred",
        shipment_reason: reason,
        shipment_request: choice,
        shipment_due_at: null,
        ...(fulfilmentId ? { fulfillment_id: fulfilmentId } : {}),
      })
      await shopee.recordExceptionFailure({
        environment: input.environment,
        kind: "shipment_deferred",
        payload_ref: sn,
        error: new Error(reason),
      })
      return { outcome: "deferred", order_sn: sn, reason }
    }
    const { order_list } = await shop.orders.getOrderDetail({
      order_sn_list: [sn],
      response_optional_fields: ["cancel_by", "cancel_reason", "buyer_cancel_reason", "split_up", "package_list"],
    })
    const detail = order_list.find((order) => order.order_sn === sn)
    if (!detail) return refuse("not_ready", `Shopee does not know order ${sn}`)
    const statusPlan = planFromShopeeStatus(detail)
    if (statusPlan.act === "refuse") return refuse(statusPlan.code, statusPlan.reason)
    if (statusPlan.act === "arrange" && input.automatic) {
      const window = planCancelWindow(detail, shipDefault?.ship_auto_delay_minutes ?? 0, input.automatic.now ?? Date.now())
      if (window.act === "wait") {
        await record({
          shipment_state: "deferred",
          shipment_reason: window.reason,
          shipment_request: choice,
          shipment_due_at: window.due_at,
          ...(fulfilmentId ? { fulfillment_id: fulfilmentId } : {}),
        })
        return { outcome: "deferred", order_sn: sn, reason: window.reason, due_at: window.due_at }
      }
    }
    if (statusPlan.act === "arrange") {
      try {
        for (const packageNumber of statusPlan.packages) {
          const done = await shipPackage(shop, sn, packageNumber, choice, fallback)
          if ("refuse" in done) {
            // The operator gets the answer at once; nobody waits on an automatic arrangement, so its row says why.
            if (input.automatic) await record({ shipment_state: "refused", shipment_reason: done.refuse, shipment_due_at: null })
            return { outcome: "refused", order_sn: sn, code: "invalid_choice", reason: done.refuse, field: done.field }
          }
          if ("retry_later" in done) return defer(done.retry_later)
          mode = done.mode
          shipOrderCalls += 1
        }
      } catch (error) {
        if (!(error instanceof LogisticsRefused)) throw error
        if (error.refusal === "being_allocated" || error.refusal === "no_time_slot") return defer(error.message)
        return refuse(error.refusal === "order_cancelled" ? "cancelled" : "not_ready", error.message)
      }
    }
    await record({
      shipment_state: "arranged",
      shipment_mode: mode,
      shipment_request: choice,
      shipment_reason: null,
      shipment_arranged_at: new Date(),
      shipment_due_at: null,
      ...(fulfilmentId ? { fulfillment_id: fulfilmentId } : {}),
    })
    await settleDeferral()
  }

  const tracking = row.tracking_number || (await currentTrackingNumber(shop, sn))
  const fulfilment = await ensureFulfilment(container, row.order_id!, fulfilmentId, tracking)
  await writeTrackingLabel(container, fulfilment, tracking)
  await record({ fulfillment_id: fulfilment.id, tracking_number: tracking })
  return {
    outcome: "arranged",
    order_sn: sn,
    mode,
    ship_order_calls: shipOrderCalls,
    fulfillment_id: fulfilment.id,
    tracking_number: tracking,
  }
}

/** One package: its parameters, the choice fitted to them, ship_order ("already shipped" is done). */
async function shipPackage(
  shop: ShopeeShop,
  sn: string,
  packageNumber: string | undefined,
  choice: ShipmentChoice,
  fallback: ShipmentChoice
) {
  const ref = { order_sn: sn, ...(packageNumber ? { package_number: packageNumber } : {}) }
  const params = await refusalOf(() => shop.logistics.getShippingParameter(ref))
  const decision = chooseShipment(sn, params, choice, fallback)
  if (!("ship" in decision)) return decision
  try {
    await refusalOf(() => shop.logistics.shipOrder({ ...ref, ...decision.ship }))
  } catch (error) {
    if (!(error instanceof LogisticsRefused && error.refusal === "already_shipped")) throw error
  }
  return { mode: decision.mode }
}

/** Shopee's tracking number, which it may answer empty for a few minutes after arrangement; a failed read is no number yet. */
async function currentTrackingNumber(shop: ShopeeShop, sn: string): Promise<string | null> {
  try {
    return (await shop.logistics.getTrackingNumber({ order_sn: sn })).tracking_number || null
  } catch {
    return null
  }
}

/**
 * A tracking number that arrived later (push 4, or a poll) onto the arranged order's fulfilment
 * label, under the order's lock. An order not arranged from Medusa has no fulfilment to label yet.
 */
export async function labelShopeeTracking(
  container: MedusaContainer,
  input: { environment: ShopeeEnvironment; order_sn: string; tracking_number: string }
): Promise<boolean> {
  const key = `shopee-order:${input.environment}:${input.order_sn}`
  return lockFor(container)(key, async () => {
    const shopee = resolveShopee(container)
    const [row] = (await shopee.listShopeeOrderSyncs({ environment: input.environment, order_sn: input.order_sn })) as SyncRow[]
    if (!row?.order_id || row.shipment_state !== "arranged" || !row.fulfillment_id) return false
    const fulfilment = await liveFulfilment(container, row.order_id, row.fulfillment_id)
    if (!fulfilment) return false
    const written = await writeTrackingLabel(container, fulfilment, input.tracking_number)
    if (row.tracking_number !== input.tracking_number)
      await shopee.updateShopeeOrderSyncs({ id: row.id, tracking_number: input.tracking_number })
    return written
  })
}
