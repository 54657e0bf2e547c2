import { isDatabaseUnreachable } from "../../../modules/shopee/database-errors"

/** While the database is down, how long nothing may have tried it before a push goes through to find out. */
export const PROBE_EVERY_MS = 500

/**
 * Whether the database can be reached, as last found out: down when the connection pool failed to
 * open a connection for a reason of the connection (refused, cut, shutting down), up again when it
 * opened one or when a push was stored. While it is down, a push is refused at once rather than held
 * for the store's 2 s deadline: under a burst, held pushes queue the ones behind them past Shopee's
 * 3 s, which then get no answer at all. A push goes through as a probe when nothing has tried the
 * database for `probeEveryMs` (the pool's own attempts count: it retries while a request waits).
 */
export class DatabaseReachability {
  private downSince: number | null = null
  private lastProbeAt = Number.NEGATIVE_INFINITY

  constructor(private readonly probeEveryMs: number = PROBE_EVERY_MS) {}

  connectFailed(error: unknown, now: number): void {
    if (!isDatabaseUnreachable(error)) return
    this.downSince ??= now
    this.lastProbeAt = now
  }

  reached(): void {
    this.downSince = null
  }

  get down(): boolean {
    return this.downSince !== null
  }

  /** True when a push may try to be stored: always while the database is up, as a probe while it is down. */
  admits(now: number): boolean {
    if (this.downSince === null) return true
    if (now - this.lastProbeAt < this.probeEveryMs) return false
    this.lastProbeAt = now
    return true
  }
}

/** The part of knex's connection pool (tarn) that tells when a connection could or could not be opened. */
type PooledConnection = {
  client?: { pool?: { on(event: "createFail" | "createSuccess", listener: (...args: unknown[]) => void): unknown } | null }
}

const watched = new WeakMap<object, DatabaseReachability>()

/**
 * The reachability of the database behind Medusa's shared connection, watched from the first call
 * on (one watcher per pool). A connection without a pool (never expected of Medusa's knex) is
 * taken as always reachable: the store's deadline still bounds every push.
 */
export function reachabilityOf(connection: PooledConnection): DatabaseReachability {
  const pool = connection.client?.pool
  if (!pool) return new DatabaseReachability()
  let reachability = watched.get(pool)
  if (!reachability) {
    const created = new DatabaseReachability()
    pool.on("createFail", (_eventId, error) => created.connectFailed(error, Date.now()))
    pool.on("createSuccess", () => created.reached())
    watched.set(pool, created)
    reachability = created
  }
  return reachability
}
