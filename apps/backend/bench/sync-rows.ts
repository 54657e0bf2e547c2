import type pg from "pg"
import { formatCount } from "./options"

/**
 * Grows `shopee_order_sync` of the sandbox environment to `target` rows in bulk (one
 * `INSERT … SELECT generate_series` per chunk of 20,000), for timing the orders list at sizes
 * an import would take hours to reach. The rows are older than every real one, so the first
 * page stays the imported orders. Each points at one of the imported Medusa orders in turn:
 * then every page, deep or not, fetches 20 Medusa orders, as it would in a store where every
 * Shopee order was imported, and pages of different depths and sizes do the same work.
 */
export async function growSyncRows(sql: pg.Pool, target: number, log: (line: string) => void): Promise<number> {
  const current = await countSyncRows(sql)
  if (current >= target) return current
  const {
    rows: [template],
  } = await sql.query(
    `SELECT min(created_at) AS oldest, min(shop_id) AS shop_id, min(profile_id) AS profile_id,
            array_agg(order_id ORDER BY created_at) FILTER (WHERE order_id IS NOT NULL) AS order_ids
       FROM shopee_order_sync WHERE environment = 'sandbox'`
  )
  if (!template.order_ids?.length) throw new Error("No imported order to point the extra rows at")
  const {
    rows: [{ max }],
  } = await sql.query(`SELECT coalesce(max(substring(id from 'shord_bench_(\\d+)')::int), 0) AS max FROM shopee_order_sync`)
  const missing = target - current
  const chunk = 20_000
  const started = Date.now()
  for (let done = 0; done < missing; done += chunk) {
    const from = max + done + 1
    const to = max + Math.min(done + chunk, missing)
    await sql.query(
      `INSERT INTO shopee_order_sync (id, environment, order_sn, shop_id, profile_id, order_id, state, shopee_status,
                                      shopee_update_time, currency, total_amount, buyer_username, paid, last_synced_at, created_at, updated_at)
       SELECT 'shord_bench_' || g, 'sandbox', 'BENCH' || lpad(g::text, 9, '0'), $1, $2,
              ($3::text[])[1 + g % cardinality($3::text[])], 'imported', 'READY_TO_SHIP',
              extract(epoch FROM $4::timestamptz)::int - g, 'SGD', 191, 'bench_buyer', true, now(),
              $4::timestamptz - make_interval(secs => g), $4::timestamptz - make_interval(secs => g)
         FROM generate_series($5::int, $6::int) AS g`,
      [template.shop_id, template.profile_id, template.order_ids, template.oldest, from, to]
    )
    const inserted = Math.min(done + chunk, missing)
    log(`sync rows: ${formatCount(current + inserted)}/${formatCount(target)} (${Math.floor(((current + inserted) / target) * 100)}%)`)
  }
  // Fresh statistics, as autovacuum would have them on a store that grew this large over time.
  await sql.query("ANALYZE shopee_order_sync")
  log(`inserted ${formatCount(missing)} rows in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  return countSyncRows(sql)
}

export async function countSyncRows(sql: pg.Pool): Promise<number> {
  const { rows } = await sql.query(
    `SELECT count(*)::int AS count FROM shopee_order_sync WHERE environment = 'sandbox' AND deleted_at IS NULL`
  )
  return rows[0].count
}
