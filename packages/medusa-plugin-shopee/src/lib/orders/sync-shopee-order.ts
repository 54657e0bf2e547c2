import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { ShopeeEnvironment } from "../../modules/shopee/environments"
import { isUniqueViolation } from "../../modules/shopee/database-errors"
import { ORDER_EXCEPTION_KINDS } from "../../modules/shopee/exceptions/vocabulary"
import { SHOPEE_MODULE } from "../../modules/shopee"
import { resolveShopee } from "../shopee-module"
import { lockFor } from "../with-lock"
import { applyOrderActions, readAppliedState } from "./apply-order-actions"
import { createMedusaOrder } from "./create-medusa-order"
import { matchOrderLines } from "./match-order-lines"
import { OrderImportHold } from "./order-import-hold"
import { planOrderImport } from "./order-import-plan"
import { isPaidStatus, planOrderActions, stageOf } from "./order-status-map"
import type { ShopeeOrderDetail } from "./shopee-order"

export type OrderSyncOutcome = "imported" | "updated" | "unchanged" | "stale" | "held" | "skipped"

export type SyncOrderInput = {
  environment: ShopeeEnvironment
  profile_id: string | null
  shop_id: string
  detail: ShopeeOrderDetail
  tracking_number?: string | null
  event_id?: string | null
}

type SyncRow = {
  id: string
  order_id: string | null
  state: string
  shopee_update_time: number | null
  shopee_status: string | null
  tracking_number: string | null
}

/**
 * Brings one Shopee order into Medusa, exactly once, and keeps it current. The order's sync
 * row is claimed first (a unique row per environment and order_sn), everything runs under a
 * lock on that order, and the reference is looked up again inside the lock before any create.
 * An update older than the one applied is ignored. A hold (unknown SKU, no region for the
 * currency) raises an exception for a person and creates nothing; any other failure is thrown
 * for the caller to record and retry.
 */
export async function syncShopeeOrder(container: MedusaContainer, input: SyncOrderInput): Promise<OrderSyncOutcome> {
  const key = `shopee-order:${input.environment}:${input.detail.order_sn}`
  return lockFor(container)(key, () => syncUnderLock(container, input))
}

async function syncUnderLock(container: MedusaContainer, input: SyncOrderInput): Promise<OrderSyncOutcome> {
  const shopee = resolveShopee(container)
  const { detail } = input
  const row = await claimSyncRow(container, input)
  if (row.shopee_update_time !== null && detail.update_time < row.shopee_update_time) {
    return "stale"
  }
  const tracking = input.tracking_number ?? row.tracking_number ?? trackingOf(detail)
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
  if (!orderId) {
    if (stageOf(detail.order_status) === "cancelled") {
      await record({ state: "skipped", state_reason: "Cancelled on Shopee before it was imported" })
      return "skipped"
    }
    try {
      const created = await importNewOrder(container, input, row.id)
      orderId = created.order_id
      outcome = "imported"
      await record({ order_id: orderId, state: "imported", state_reason: null })
      if (created.oversold) {
        await shopee.raiseException({
          environment: input.environment,
          kind: "oversell",
          payload_ref: detail.order_sn,
          message: `Shopee order ${detail.order_sn} was imported, but Medusa's stock could not cover it (${created.oversold}). The item was sold twice: cancel one of the sales or find another copy.`,
        })
      }
    } catch (error) {
      if (!(error instanceof OrderImportHold)) throw error
      await record({ state: "held", state_reason: error.message })
      await shopee.raiseException({ environment: input.environment, kind: error.kind, payload_ref: detail.order_sn, message: error.message })
      return "held"
    }
  } else if (
    row.shopee_update_time === detail.update_time &&
    row.shopee_status === detail.order_status &&
    row.state === "imported" &&
    !input.tracking_number
  ) {
    // Shopee's update_time counts seconds: two changes in one second share it, so only the
    // same time and the same status mean nothing new.
    return "unchanged"
  }

  const { applied } = await readAppliedState(container, orderId)
  try {
    await applyOrderActions(container, orderId, planOrderActions(applied, detail.order_status), tracking)
  } catch (error) {
    if (!(error instanceof OrderImportHold)) throw error
    await record({ state_reason: error.message })
    await shopee.raiseException({ environment: input.environment, kind: error.kind, payload_ref: detail.order_sn, message: error.message })
    return "held"
  }
  await record({ state: "imported", state_reason: null, paid: isPaidStatus(detail.order_status) || applied.paid })
  await shopee.settleExceptions({ environment: input.environment, payload_ref: detail.order_sn, kinds: ORDER_EXCEPTION_KINDS })
  return outcome
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

async function importNewOrder(container: MedusaContainer, input: SyncOrderInput, syncRowId: string) {
  const plan = planOrderImport(input.detail)
  const { matched, unmatched } = await matchOrderLines(container, {
    environment: input.environment,
    profile_id: input.profile_id,
    lines: plan.lines,
  })
  if (unmatched.length > 0 || matched.length === 0) {
    const names = unmatched.map((line) => `${line.sku ? `SKU ${line.sku}` : "no SKU"} (item ${line.item_id}, model ${line.model_id})`)
    throw new OrderImportHold(
      "unknown_sku",
      `Shopee order ${input.detail.order_sn} is held: no Medusa variant matches ${names.join(", ") || "any line"}. Map the item or give the variant that SKU, then retry.`
    )
  }
  const created = await createMedusaOrder(container, {
    environment: input.environment,
    shop_id: input.shop_id,
    order_sn: input.detail.order_sn,
    plan,
    lines: matched,
  })
  const link = container.resolve(ContainerRegistrationKeys.LINK)
  await link.create({ [SHOPEE_MODULE]: { shopee_order_sync_id: syncRowId }, [Modules.ORDER]: { order_id: created.order_id } })
  return created
}

function trackingOf(detail: ShopeeOrderDetail): string | null {
  return detail.package_list?.find((pkg) => pkg.tracking_number)?.tracking_number ?? null
}
