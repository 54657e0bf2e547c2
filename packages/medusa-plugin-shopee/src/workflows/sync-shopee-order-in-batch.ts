import type { MedusaContainer } from "@medusajs/framework/types"
import { batchByTurn, type BatchByTurn } from "../lib/orders/batch-by-turn"
import { isInsideLockedJob } from "../lib/with-lock"
import type { OrderSyncReport } from "../lib/orders/sync-summary"
import type { ShopeeEnvironment } from "../modules/shopee/environments"
import { syncShopeeOrdersWorkflow } from "./sync-shopee-orders"

export type OrderSyncRequest = {
  environment: ShopeeEnvironment
  order_sn: string
  tracking_number: string | null
  event_id: string
}

/** get_order_detail takes at most 50 order_sn. */
const MAX_BATCH = 50
/** Two batches at once: one fetches from Shopee while the other's orders are imported. */
const MAX_RUNNING = 2

const batchers = new WeakMap<MedusaContainer, BatchByTurn<OrderSyncRequest, OrderSyncReport | undefined>>()

/**
 * Syncs one pushed order through `syncShopeeOrdersWorkflow`, sharing the run with the other
 * pushes of the same environment that arrive while earlier ones are imported (`batchByTurn`):
 * under a burst, one get_order_detail and one read of the store's set-up serve up to 50 orders,
 * and their imports run side by side; a lone push runs at once, on its own. Each order keeps its
 * own push (event_id), lock and outcome. A batch whose run fails (no credentials) fails each of
 * its pushes, which record it as before.
 *
 * A push handled inside a locked job (a reconciliation recovering lost pushes) runs on its own,
 * as before: its order's lock then nests under the job's and takes no slot, and a batch started
 * there would carry that exemption to every later batch, past the process's cap on locked jobs.
 */
export async function syncShopeeOrderInBatch(container: MedusaContainer, request: OrderSyncRequest): Promise<OrderSyncReport | undefined> {
  if (isInsideLockedJob()) return (await runBatch(container, [request]))[0]
  let batcher = batchers.get(container)
  if (!batcher) {
    batcher = batchByTurn({
      maxBatch: MAX_BATCH,
      maxRunning: MAX_RUNNING,
      groupOf: (order: OrderSyncRequest) => order.environment,
      keyOf: (order) => order.order_sn,
      run: (batch) => runBatch(container, batch),
    })
    batchers.set(container, batcher)
  }
  return batcher(request)
}

async function runBatch(container: MedusaContainer, batch: OrderSyncRequest[]): Promise<(OrderSyncReport | undefined)[]> {
  const { result } = await syncShopeeOrdersWorkflow(container).run({
    input: {
      environment: batch[0].environment,
      orders: batch.map(({ order_sn, tracking_number, event_id }) => ({ order_sn, tracking_number, event_id })),
    },
  })
  return batch.map((order) => result.orders[order.order_sn])
}
