import { DEMO_PARTNER_ID, DEMO_SHOP_ID } from "@shopee-medusa/shopee-sandbox"
import pg from "pg"
import type { FaultStack, ScenarioResult } from "../scenario"
import { startReconcileIfIdle } from "../reconcile-runs"
import { FAULT_SKU } from "../stack"
import { driveApiFaults } from "./api-fault-driver"

/** Each order is created READY_TO_SHIP and advanced four times: five statuses, the last one COMPLETED. */
const ADVANCES = 4
/** Simulator calls in flight at once while moving orders: bursts, but not more than two cores can serve. */
const CONCURRENCY = 8
/** The pause between two rounds of moves: each round is one burst, and a fault started midway meets the later ones. */
const ROUND_GAP_MS = 4000
/**
 * How long the connector may take to converge once the traffic is over, before the scenario fails:
 * a fixed part for the retries' backoff, and a part per order, since each new order is placed
 * through Medusa's own workflow: a 1,000-order run on a 2-core machine, with a fifth of the API
 * calls failing, imported about 1.5 orders/s and needed just over 842 s.
 */
const convergeLimitMs = (orders: number) => 240_000 + orders * 1000
/** Between manual reconciliation starts while waiting (the job runs every 5 minutes, too slow for a bounded suite); none starts while one runs. */
const RECONCILE_EVERY_MS = 15_000

export type TrafficOptions = {
  name: string
  orders: number
  /**
   * Started once half of the status moves have been made (the burst in full flow); the moves go on
   * meanwhile, and its figures are awaited before the wait for convergence.
   */
  midway?: () => Promise<Record<string, number | string>>
}

export type Convergence = {
  acknowledged: number
  stored: number
  lost: string[]
  events: number
  /** Stored pushes the connector processed (imported or ignored); without Redis a server's pushes wait for reconciliation instead. */
  eventsProcessed: number
  /** Stored pushes nobody has acted on yet: each must end processed, ignored, or failed with an exception. */
  eventsPending: number
  /** Stored rows by status, e.g. `processed:30 rejected:2`. */
  eventStatuses: string
  duplicatesCounted: number
  imported: number
  medusaOrders: number
  duplicateOrders: string[]
  /** Draft orders left with a Shopee order number: an import cut short between creating the draft and placing it. */
  leftDrafts: string[]
  statusesMatching: number
  completed: number
}

/**
 * The order scenarios' common traffic: `orders` orders at the simulator, each moved through five
 * statuses in rounds (every order one step, then the next step: bursts of pushes), while 20 % of
 * the simulator's API calls fail and one push in ten is duplicated or reordered; then waits, with
 * a bound, for the connector to converge and checks the end state against the simulator's.
 */
export async function runOrderTraffic(stack: FaultStack, options: TrafficOptions): Promise<ScenarioResult> {
  const { sandbox } = stack
  const firstMessage = sandbox.state.counters.push_message
  const started = Date.now()
  const itemId = sandbox.state.items.find((item) => item.item_sku === FAULT_SKU)!.item_id
  const figures: Record<string, number | string> = { stack: stack.label, orders: options.orders }
  const suspendedBefore = sandbox.pushes.subscription(DEMO_PARTNER_ID)?.status === "suspended"
  const faults = driveApiFaults(sandbox, 0.2)
  const orderSns: string[] = []
  let midway: Promise<Record<string, number | string>> | undefined
  try {
    await inParallel(options.orders, async (index) => {
      const order = await control<{ order_sn: string }>(stack, "POST", "/_control/orders", {
        shop_id: DEMO_SHOP_ID,
        items: [{ item_id: itemId, quantity: 1 }],
        status: "READY_TO_SHIP",
        buyer_username: `${options.name}_buyer_${index}`,
      })
      orderSns.push(order.order_sn)
    })
    for (let round = 1; round <= ADVANCES; round++) {
      await new Promise((resolve) => setTimeout(resolve, ROUND_GAP_MS))
      await inParallel(orderSns.length, (index) => control(stack, "POST", `/_control/orders/${orderSns[index]}/advance`))
      if (midway === undefined && round >= ADVANCES / 2 && options.midway) {
        midway = options.midway()
        // Awaited after the last round; until then a failure must not count as unhandled.
        midway.catch(() => undefined)
      }
    }
    if (midway) Object.assign(figures, await midway)
    await sandbox.pushes.whenIdle()
  } finally {
    const api = faults.stop()
    figures.api_calls = api.calls
    figures.api_failed = `${api.failed} (${api.calls ? Math.round((api.failed / api.calls) * 100) : 0}%)`
  }
  await releaseReorderedPushes(stack, orderSns[0])
  figures.traffic_s = Math.round((Date.now() - started) / 1000)
  const subscription = sandbox.pushes.subscription(DEMO_PARTNER_ID)
  figures.push_subscription = subscription?.status ?? "none"
  figures.push_success_6h = subscription?.success_rate == null ? "-" : `${Math.round(subscription.success_rate * 100)}%`

  const ourPushes = () => sandbox.state.pushes.filter((m) => m.message_id > firstMessage && m.partner_id === DEMO_PARTNER_ID)
  const database = new pg.Client({ connectionString: stack.databaseUrl })
  await database.connect()
  try {
    const waitStarted = Date.now()
    let lastReconcile = 0
    let state = await convergence(database, orderSns, ourPushes(), sandbox)
    while (!settled(state, orderSns.length) && Date.now() - waitStarted < convergeLimitMs(orderSns.length)) {
      if (Date.now() - lastReconcile >= RECONCILE_EVERY_MS) {
        lastReconcile = Date.now()
        await startReconcileIfIdle(stack)
      }
      await new Promise((resolve) => setTimeout(resolve, 2000))
      state = await convergence(database, orderSns, ourPushes(), sandbox)
    }
    figures.converge_s = Math.round((Date.now() - waitStarted) / 1000)
    const pushes = ourPushes()
    Object.assign(figures, {
      pushes_sent: pushes.filter((m) => m.duplicate_of === null).length,
      pushes_duplicated: pushes.filter((m) => m.duplicate_of !== null).length,
      pushes_acknowledged: state.acknowledged,
      events_stored: state.events,
      events_processed: state.eventsProcessed,
      events_pending: state.eventsPending,
      event_statuses: state.eventStatuses,
      acknowledged_stored: state.stored,
      duplicates_counted: state.duplicatesCounted,
      orders_imported: state.imported,
      medusa_orders: state.medusaOrders,
      duplicate_orders: state.duplicateOrders.length,
      left_drafts: state.leftDrafts.length,
      statuses_matching: state.statusesMatching,
      medusa_completed: state.completed,
    })
    const problems: string[] = []
    // Shopee stops sending a suspended partner's pushes and never resends them: an end state
    // reached then was reached by reconciliation alone, and proves nothing about pushes.
    if (suspendedBefore) problems.push("the push subscription was already suspended when the scenario began (by an earlier one)")
    else if (subscription?.status === "suspended")
      problems.push(
        `Shopee's rule suspended the push subscription: ${subscription.successes} of ${subscription.attempts} deliveries in the window succeeded (under 30 %)`
      )
    if (state.lost.length > 0)
      problems.push(`${state.lost.length} acknowledged pushes not stored, e.g. message ${state.lost.slice(0, 3).join(", ")}`)
    if (state.eventsPending > 0) problems.push(`${state.eventsPending} stored pushes still pending: nothing acted on them`)
    if (state.imported !== orderSns.length) problems.push(`${state.imported}/${orderSns.length} orders imported`)
    if (state.duplicateOrders.length > 0) problems.push(`orders imported more than once: ${state.duplicateOrders.slice(0, 5).join(", ")}`)
    if (state.leftDrafts.length > 0)
      problems.push(`draft orders left beside the import (cut short before being placed): ${state.leftDrafts.slice(0, 5).join(", ")}`)
    if (state.statusesMatching !== orderSns.length)
      problems.push(`${state.statusesMatching}/${orderSns.length} sync rows in Shopee's final status`)
    if (state.completed !== orderSns.length) problems.push(`${state.completed}/${orderSns.length} Medusa orders completed`)
    if (problems.length > 0) await recordDiagnosis(stack, database, options.name, orderSns, state)
    return { name: options.name, ok: problems.length === 0, figures, problems }
  } finally {
    await database.end()
  }
}

/** Nothing left to wait for: every order in place, or the rest is what no retry undoes (a second order, a left draft). */
function settled(state: Convergence, orders: number): boolean {
  return (
    state.lost.length === 0 &&
    state.eventsPending === 0 &&
    state.imported === orders &&
    state.statusesMatching === orders &&
    state.completed === orders
  )
}

/** The end state as the connector's tables show it, against the simulator's pushes and orders. */
export async function convergence(
  database: pg.Client,
  orderSns: string[],
  pushes: { message_id: number; body: string; attempts: { status: number | null }[] }[],
  sandbox: FaultStack["sandbox"]
): Promise<Convergence> {
  const acknowledged = pushes.filter((m) => m.attempts.some((a) => a.status !== null && a.status >= 200 && a.status < 300))
  const { rows: events } = await database.query<{ raw_body: string; duplicate_count: number; processed: boolean; status: string }>(
    `SELECT raw_body, duplicate_count, processed, status FROM shopee_raw_event WHERE environment = 'sandbox' AND order_sn = ANY($1) AND deleted_at IS NULL`,
    [orderSns]
  )
  const storedBodies = new Set(events.map((event) => event.raw_body))
  const lost = acknowledged.filter((m) => !storedBodies.has(m.body)).map((m) => String(m.message_id))
  const { rows: syncs } = await database.query<{ order_sn: string; order_id: string | null; shopee_status: string | null }>(
    `SELECT order_sn, order_id, shopee_status FROM shopee_order_sync WHERE environment = 'sandbox' AND order_sn = ANY($1) AND deleted_at IS NULL`,
    [orderSns]
  )
  const { rows: orders } = await database.query<{ order_sn: string; status: string }>(
    `SELECT metadata->>'shopee_order_sn' AS order_sn, status FROM "order" WHERE deleted_at IS NULL AND metadata->>'shopee_order_sn' = ANY($1)`,
    [orderSns]
  )
  const placed = orders.filter((order) => order.status !== "draft")
  const perSn = new Map<string, number>()
  for (const order of placed) perSn.set(order.order_sn, (perSn.get(order.order_sn) ?? 0) + 1)
  return {
    acknowledged: acknowledged.length,
    stored: acknowledged.length - lost.length,
    lost,
    events: events.length,
    eventsProcessed: events.filter((event) => event.processed).length,
    eventsPending: events.filter((event) => event.status === "pending").length,
    eventStatuses: [...new Set(events.map((event) => event.status))]
      .map((status) => `${status}:${events.filter((event) => event.status === status).length}`)
      .join(","),
    duplicatesCounted: events.reduce((sum, event) => sum + Number(event.duplicate_count ?? 0), 0),
    imported: syncs.filter((sync) => sync.order_id !== null).length,
    medusaOrders: placed.length,
    duplicateOrders: [...perSn].filter(([, count]) => count > 1).map(([sn]) => sn),
    leftDrafts: orders.filter((order) => order.status === "draft").map((order) => order.order_sn),
    statusesMatching: syncs.filter((sync) => sync.shopee_status === sandbox.orders.get(sync.order_sn)?.order_status).length,
    completed: new Set(placed.filter((order) => order.status === "completed").map((order) => order.order_sn)).size,
  }
}

/**
 * What the connector stored for the orders that did not end right (their Medusa orders, sync rows,
 * pushes and exceptions), written to the run's log (`<stack>-diagnosis.log`) for whoever reads the failure.
 */
async function recordDiagnosis(
  stack: FaultStack,
  database: pg.Client,
  scenario: string,
  orderSns: string[],
  state: Convergence
): Promise<void> {
  const { rows: syncs } = await database.query(
    `SELECT order_sn, state, state_reason, shopee_status, order_id FROM shopee_order_sync WHERE order_sn = ANY($1) AND deleted_at IS NULL`,
    [orderSns]
  )
  const wrong = new Set([
    ...state.duplicateOrders,
    ...state.leftDrafts,
    ...orderSns.filter((sn) => !syncs.some((sync) => sync.order_sn === sn && sync.order_id !== null)),
  ])
  const sns = [...wrong]
  const queries = {
    orders: `SELECT id, status, is_draft_order, created_at, metadata->>'shopee_order_sn' AS order_sn FROM "order" WHERE metadata->>'shopee_order_sn' = ANY($1) ORDER BY created_at`,
    sync_rows: `SELECT * FROM shopee_order_sync WHERE order_sn = ANY($1)`,
    events: `SELECT id, code, status, status_reason, last_error, attempts, duplicate_count, path, created_at FROM shopee_raw_event WHERE order_sn = ANY($1) ORDER BY created_at`,
    exceptions: `SELECT kind, status, message, attempts, created_at FROM connector_exception
                  WHERE message LIKE ANY (SELECT '%' || sn || '%' FROM unnest($1::text[]) AS sn) ORDER BY created_at`,
  }
  const lines = [`${scenario}: ${sns.length} orders did not end right: ${sns.join(", ")}`]
  for (const [name, sql] of Object.entries(queries)) {
    const { rows } = await database.query(sql, [sns]).catch((error: Error) => ({ rows: [{ error: error.message }] }))
    lines.push(`-- ${name}`, ...rows.map((row) => JSON.stringify(row)))
  }
  stack.addLog("diagnosis", `${lines.join("\n")}\n`)
}

/**
 * A reordered push waits until a second one makes its pair; when the burst ends on an odd one,
 * one more push (the current status of an order of the run, as Shopee may send any time) releases it.
 */
async function releaseReorderedPushes(stack: FaultStack, orderSn: string | undefined): Promise<void> {
  if (orderSn === undefined || !stack.sandbox.state.pushes.some((m) => m.state === "held")) return
  stack.sandbox.faults.add({ kind: "reorder_push", times: 1, batch: 1 })
  await control(stack, "POST", "/_control/pushes/test", { partner_id: DEMO_PARTNER_ID, code: 3, order_sn: orderSn })
  await stack.sandbox.pushes.whenIdle()
  stack.sandbox.faults.clear()
}

/** The simulator's control API. Not through `stack.fetch`: its answers are the simulator's, not the connector's. */
export async function control<T = unknown>(stack: FaultStack, method: string, route: string, body?: unknown): Promise<T> {
  const response = await fetch(`${stack.sandboxUrl}${route}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await response.text()
  if (!response.ok) throw new Error(`${method} ${route}: ${response.status} ${text.slice(0, 300)}`)
  return (text ? JSON.parse(text) : undefined) as T
}

async function inParallel(count: number, work: (index: number) => Promise<unknown>): Promise<void> {
  let next = 0
  await Promise.all(
    Array.from({ length: Math.min(CONCURRENCY, count) }, async () => {
      while (next < count) await work(next++)
    })
  )
}
