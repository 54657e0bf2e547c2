import type { MedusaContainer } from "@medusajs/framework/types"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { STRANDED_PER_RUN, strandedBefore } from "../../lib/events/stranded-pushes"
import { addSyncSummary, emptySyncSummary, type SyncOrdersSummary } from "../../lib/orders/sync-summary"
import { lostPushBody, planReconcileWindow } from "../../lib/reconcile/plan-reconcile-window"
import { reportReconcileProgress, type ReconcileProgress } from "../../lib/reconcile/reconcile-progress"
import { storedSummary } from "../../lib/reconcile/stored-summary"
import { resolveShopee } from "../../lib/shopee-module"
import { lockFor } from "../../lib/with-lock"
import type { ShopeeEnvironment } from "../../modules/shopee/environments"
import { processShopeePushWorkflow } from "../process-shopee-push"
import { syncShopeeOrdersWorkflow } from "../sync-shopee-orders"

const SYNC_BATCH = 50
/** Lost-push pages read per run (100 each), so a run stays bounded. */
const MAX_LOST_PUSH_PAGES = 10

export type ReconcileShopeeOrdersInput = {
  environment: ShopeeEnvironment
  /** A backfill's own update_time range (Unix seconds); without it, from the watermark to now. */
  from?: number
  to?: number
  /** Where to report progress (`listenToReconcileProgress`): the backfill CLI prints it. */
  progress_id?: string
}

export type ReconcileSummary = {
  environment: ShopeeEnvironment
  time_from: number
  time_to: number
  orders_seen: number
  import: SyncOrdersSummary
  lost_pushes: number
  /** Stored pushes left pending by their own processing, processed by this run. */
  stranded_pushes: number
}

export const reconcileShopeeOrdersStepId = "reconcile-shopee-orders"

/**
 * Pulls every order updated in the window (`get_order_list` by update_time, in 15-day windows)
 * and every lost push (`get_lost_push_message`) into the same workflows as pushes, then moves the
 * watermark. One step, because the environment's reconciliation lock spans the whole run: two
 * runs at once would move the watermark past each other's orders.
 */
export const reconcileShopeeOrdersStep = createStep(
  reconcileShopeeOrdersStepId,
  async (input: ReconcileShopeeOrdersInput, { container }): Promise<StepResponse<ReconcileSummary>> => {
    const summary = await lockFor(container)(`shopee-reconcile:${input.environment}`, () => reconcileUnderLock(container, input))
    return new StepResponse(summary)
  }
)

async function reconcileUnderLock(container: MedusaContainer, input: ReconcileShopeeOrdersInput): Promise<ReconcileSummary> {
  const { environment } = input
  const onProgress = (progress: ReconcileProgress) => reportReconcileProgress(input.progress_id, progress)
  const shopee = resolveShopee(container)
  const { shop, credentials } = await shopee.getShopApi(environment, lockFor(container))
  const [cursor] = await shopee.listShopeeSyncCursors({ profile_id: credentials.profile_id })
  const window = planReconcileWindow({
    watermark: cursor?.orders_updated_until ?? null,
    now: Math.floor(Date.now() / 1000),
    from: input.from,
    to: input.to,
  })

  const orderSns = new Set<string>()
  for await (const order of shop.orders.iterateOrderList({
    time_range_field: "update_time",
    time_from: Math.max(0, window.time_from),
    time_to: window.time_to,
    onPage: (page) => onProgress({ phase: "listing", done: page.window_index + 1, total: page.window_count }),
  })) {
    orderSns.add(order.order_sn)
  }

  const summary: ReconcileSummary = {
    environment,
    time_from: window.time_from,
    time_to: window.time_to,
    orders_seen: orderSns.size,
    import: emptySyncSummary(),
    lost_pushes: 0,
    stranded_pushes: 0,
  }
  const all = [...orderSns]
  for (let start = 0; start < all.length; start += SYNC_BATCH) {
    const { result: batch } = await syncShopeeOrdersWorkflow(container).run({
      input: { environment, orders: all.slice(start, start + SYNC_BATCH).map((order_sn) => ({ order_sn })) },
    })
    summary.import = addSyncSummary(summary.import, batch)
    onProgress({ phase: "importing", done: Math.min(start + SYNC_BATCH, all.length), total: all.length })
  }

  summary.lost_pushes = await recoverLostPushes(container, environment, credentials.profile_id, onProgress)
  summary.stranded_pushes = await processStrandedPushes(container, environment)

  if (!window.backfill) {
    const fields = { orders_updated_until: window.time_to, last_run_at: new Date(), last_run_summary: storedSummary(summary) }
    if (cursor) await shopee.updateShopeeSyncCursors({ id: cursor.id, ...fields })
    else await shopee.createShopeeSyncCursors({ environment, profile_id: credentials.profile_id, ...fields })
  }
  return summary
}

/** Processes the environment's stored pushes that their own processing missed (see stranded-pushes.ts). */
async function processStrandedPushes(container: MedusaContainer, environment: ShopeeEnvironment): Promise<number> {
  const stranded = await resolveShopee(container).listShopeeRawEvents(
    { environment, status: "pending", created_at: { $lt: strandedBefore(new Date()) } },
    { select: ["id"], take: STRANDED_PER_RUN, order: { created_at: "ASC" } }
  )
  for (const event of stranded) {
    await processShopeePushWorkflow(container).run({ input: { event_id: event.id } })
  }
  return stranded.length
}

/**
 * Stores each lost push as an event (the API call that returned it is authenticated, so it
 * needs no signature) and processes it, then tells Shopee they are consumed.
 */
async function recoverLostPushes(
  container: MedusaContainer,
  environment: ShopeeEnvironment,
  profileId: string,
  onProgress: (progress: ReconcileProgress) => void
): Promise<number> {
  const shopee = resolveShopee(container)
  const { client } = await shopee.getClient(environment)
  let recovered = 0
  for (let page = 0; page < MAX_LOST_PUSH_PAGES; page++) {
    const lost = await client.push.getLostPushMessage()
    if (lost.push_message_list.length === 0) break
    for (const message of lost.push_message_list) {
      const recorded = await shopee.recordPush({
        environment,
        profile_id: profileId,
        path: "get_lost_push_message",
        headers: {},
        raw_body: Buffer.from(lostPushBody(message), "utf8"),
        signature_ok: true,
        source: "get_lost_push_message",
      })
      if (recorded.outcome === "stored" && recorded.event.status === "pending") {
        await processShopeePushWorkflow(container).run({ input: { event_id: recorded.event.id } })
      }
      recovered += 1
    }
    await client.push.confirmConsumedLostPushMessage({ last_message_id: lost.last_message_id })
    onProgress({ phase: "lost_pushes", done: recovered, total: recovered })
    if (!lost.has_next_page) break
  }
  return recovered
}
