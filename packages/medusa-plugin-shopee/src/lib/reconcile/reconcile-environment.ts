import type { MedusaContainer } from "@medusajs/framework/types"
import type { ShopeeEnvironment } from "../../modules/shopee/environments"
import { processShopeePushWorkflow } from "../../workflows/process-shopee-push"
import { importShopeeOrders, type ImportSummary } from "../orders/import-shopee-orders"
import { resolveShopee } from "../shopee-module"
import { lockFor } from "../with-lock"

/** A first run looks this far back; later runs start at the stored watermark. */
export const FIRST_RUN_LOOKBACK_SECONDS = 15 * 24 * 60 * 60
/** Each run re-reads a little before the watermark: Shopee's update_time counts whole seconds. */
const OVERLAP_SECONDS = 5 * 60
const IMPORT_BATCH = 50
/** Lost-push pages read per run (100 each), so a run stays bounded. */
const MAX_LOST_PUSH_PAGES = 10

export type ReconcileProgress = { phase: "listing" | "importing" | "lost_pushes"; done: number; total: number }

export type ReconcileSummary = {
  environment: ShopeeEnvironment
  time_from: number
  time_to: number
  orders_seen: number
  import: ImportSummary
  lost_pushes: number
}

/**
 * Pulls every order updated since the watermark (`get_order_list` by update_time, in 15-day
 * windows) and every lost push (`get_lost_push_message`), and feeds them to the same import as
 * pushes, so that a missed or disabled push never loses an order. A backfill passes its own
 * range and leaves the watermark alone.
 */
export async function reconcileEnvironment(
  container: MedusaContainer,
  environment: ShopeeEnvironment,
  options: { from?: number; to?: number; onProgress?: (progress: ReconcileProgress) => void } = {}
): Promise<ReconcileSummary> {
  return lockFor(container)(`shopee-reconcile:${environment}`, () => reconcileUnderLock(container, environment, options))
}

async function reconcileUnderLock(
  container: MedusaContainer,
  environment: ShopeeEnvironment,
  options: { from?: number; to?: number; onProgress?: (progress: ReconcileProgress) => void }
): Promise<ReconcileSummary> {
  const shopee = resolveShopee(container)
  const { shop, credentials } = await shopee.getShopApi(environment, lockFor(container))
  const backfill = options.from !== undefined
  const [cursor] = await shopee.listShopeeSyncCursors({ profile_id: credentials.profile_id })
  const now = Math.floor(Date.now() / 1000)
  const timeTo = options.to ?? now
  const timeFrom =
    options.from ??
    (cursor?.orders_updated_until ? cursor.orders_updated_until - OVERLAP_SECONDS : now - FIRST_RUN_LOOKBACK_SECONDS)

  const orderSns = new Set<string>()
  for await (const order of shop.orders.iterateOrderList({
    time_range_field: "update_time",
    time_from: Math.max(0, timeFrom),
    time_to: timeTo,
    onPage: (page) => options.onProgress?.({ phase: "listing", done: page.window_index + 1, total: page.window_count }),
  })) {
    orderSns.add(order.order_sn)
  }

  const summary: ReconcileSummary = {
    environment,
    time_from: timeFrom,
    time_to: timeTo,
    orders_seen: orderSns.size,
    import: { imported: 0, updated: 0, unchanged: 0, stale: 0, held: 0, skipped: 0, failed: 0, failures: [] },
    lost_pushes: 0,
  }
  const all = [...orderSns]
  for (let start = 0; start < all.length; start += IMPORT_BATCH) {
    const batch = await importShopeeOrders(container, {
      environment,
      orders: all.slice(start, start + IMPORT_BATCH).map((order_sn) => ({ order_sn })),
    })
    for (const key of Object.keys(summary.import) as (keyof ImportSummary)[]) {
      if (key === "failures") summary.import.failures.push(...batch.failures)
      else summary.import[key] += batch[key]
    }
    options.onProgress?.({ phase: "importing", done: Math.min(start + IMPORT_BATCH, all.length), total: all.length })
  }

  summary.lost_pushes = await recoverLostPushes(container, environment, credentials.profile_id, options.onProgress)

  if (!backfill) {
    const fields = { orders_updated_until: timeTo, last_run_at: new Date(), last_run_summary: { ...summary, import: { ...summary.import, failures: summary.import.failures.slice(0, 20) } } }
    if (cursor) await shopee.updateShopeeSyncCursors({ id: cursor.id, ...fields })
    else await shopee.createShopeeSyncCursors({ environment, profile_id: credentials.profile_id, ...fields })
  }
  return summary
}

/**
 * Stores each lost push as an event (the API call that returned it is authenticated, so it
 * needs no signature) and processes it, then tells Shopee they are consumed.
 */
async function recoverLostPushes(
  container: MedusaContainer,
  environment: ShopeeEnvironment,
  profileId: string,
  onProgress?: (progress: ReconcileProgress) => void
): Promise<number> {
  const shopee = resolveShopee(container)
  const { client } = await shopee.getClient(environment)
  let recovered = 0
  for (let page = 0; page < MAX_LOST_PUSH_PAGES; page++) {
    const lost = await client.push.getLostPushMessage()
    if (lost.push_message_list.length === 0) break
    for (const message of lost.push_message_list) {
      const data = typeof message.data === "string" ? safeParse(message.data) : message.data
      const body = JSON.stringify({ data, ...(message.shop_id ? { shop_id: message.shop_id } : {}), code: message.code, timestamp: message.timestamp })
      const event = await shopee.recordPush({
        environment,
        profile_id: profileId,
        path: "get_lost_push_message",
        headers: {},
        raw_body: Buffer.from(body, "utf8"),
        signature_ok: true,
      })
      if (event.status === "pending") {
        await processShopeePushWorkflow(container).run({ input: { event_id: event.id } })
      }
      recovered += 1
    }
    await client.push.confirmConsumedLostPushMessage({ last_message_id: lost.last_message_id })
    onProgress?.({ phase: "lost_pushes", done: recovered, total: recovered })
    if (!lost.has_next_page) break
  }
  return recovered
}

function safeParse(text: string): unknown {
  try {
    const parsed = JSON.parse(text)
    // Some samples carry the whole push as the string; keep only its data then.
    return parsed && typeof parsed === "object" && "data" in parsed && "code" in parsed ? parsed.data : parsed
  } catch {
    return text
  }
}
