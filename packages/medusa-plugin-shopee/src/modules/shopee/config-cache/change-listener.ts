import type { Logger } from "@medusajs/framework/types"

/** The channel the triggers of migration Migration20261207090000 notify when a cached table changes. */
export const CONFIG_CHANGED_CHANNEL = "shopee_config_changed"

/** The payload of the listener's own notification on that channel (the triggers send a table name). */
export const CATCH_UP_PAYLOAD = "catch-up"

/** The part of a pg client a listener uses. */
export type ListeningConnection = {
  query(text: string): Promise<unknown>
  on(event: "notification", listener: (message: { channel: string; payload?: string }) => void): unknown
  on(event: "error" | "end", listener: (error?: Error) => void): unknown
  removeAllListeners(): unknown
  end(): Promise<void>
}

/** Opens a connection of its own, outside the pool: a LISTEN holds it for good. */
export type OpenConnection = () => Promise<ListeningConnection>

const RECONNECT_AFTER_MS = [100, 500, 2000, 5000]

/**
 * One dedicated connection that LISTENs for changes to the cached tables. It reports
 * `listening(true)` only once the LISTEN is confirmed, `listening(false)` as soon as the
 * connection fails, and reconnects with backoff; every change is passed to `changed`.
 */
export class ChangeListener {
  private connection: ListeningConnection | undefined
  private timer: NodeJS.Timeout | undefined
  private stopped = false
  private started = false
  private failures = 0
  /** The catch-up not sent yet, which every caller until it is sent shares. */
  private nextCatchUp: Promise<void> | undefined
  /** The catch-up sent and not yet answered. */
  private catchUpInFlight: Promise<unknown> | undefined

  constructor(
    private readonly open: OpenConnection,
    private readonly listening: (listening: boolean) => void,
    private readonly changed: () => void,
    private readonly logger: Pick<Logger, "warn">
  ) {}

  /** Starts once; later calls do nothing. */
  start(): void {
    if (this.started || this.stopped) return
    this.started = true
    void this.connect()
  }

  /**
   * Resolves once every change committed before the call has been passed to `changed`. PostgreSQL
   * delivers notifications some time after their commit, so a push arriving just after a direct
   * SQL edit could otherwise be judged by the cache from before it. The listener notifies its own
   * channel and waits for the answer: notifications reach a listener in commit order, and the
   * server hands over every one queued before its own before that NOTIFY completes. Callers that
   * arrive while one is on its way wait for the next, since a change may have been committed after
   * it was sent; the ones in between share one round trip. Not listening: nothing is cached, so
   * there is nothing to wait for.
   */
  caughtUp(): Promise<void> {
    const connection = this.connection
    if (!connection) return Promise.resolve()
    this.nextCatchUp ??= (async () => {
      await this.catchUpInFlight?.catch(() => undefined)
      this.nextCatchUp = undefined
      this.catchUpInFlight = connection.query(`NOTIFY "${CONFIG_CHANGED_CHANNEL}", '${CATCH_UP_PAYLOAD}'`)
      try {
        await this.catchUpInFlight
      } catch (error) {
        // The connection failed: `lost` has stopped the cache from being trusted.
        this.lost(connection)
        throw error
      }
    })()
    return this.nextCatchUp
  }

  async stop(): Promise<void> {
    this.stopped = true
    clearTimeout(this.timer)
    this.listening(false)
    const connection = this.connection
    this.connection = undefined
    if (connection) forget(connection)
    await connection?.end().catch(() => undefined)
  }

  private async connect(): Promise<void> {
    let connection: ListeningConnection | undefined
    try {
      connection = await this.open()
      connection.on("notification", (message) => {
        if (message.channel === CONFIG_CHANGED_CHANNEL && message.payload !== CATCH_UP_PAYLOAD) this.changed()
      })
      connection.on("error", () => this.lost(connection))
      connection.on("end", () => this.lost(connection))
      await connection.query(`LISTEN "${CONFIG_CHANGED_CHANNEL}"`)
      if (this.stopped) {
        forget(connection)
        await connection.end().catch(() => undefined)
        return
      }
      this.connection = connection
      this.failures = 0
      this.listening(true)
    } catch (error) {
      if (connection) forget(connection)
      await connection?.end().catch(() => undefined)
      this.logger.warn(`Shopee config cache: cannot listen for changes (${(error as Error).name}); reading through meanwhile`)
      this.retry()
    }
  }

  private lost(connection: ListeningConnection | undefined): void {
    if (connection !== this.connection || this.stopped) return
    this.connection = undefined
    if (connection) forget(connection)
    void connection?.end().catch(() => undefined)
    this.listening(false)
    this.retry()
  }

  private retry(): void {
    if (this.stopped) return
    const delay = RECONNECT_AFTER_MS[Math.min(this.failures, RECONNECT_AFTER_MS.length - 1)]
    this.failures++
    this.timer = setTimeout(() => void this.connect(), delay)
    // A listener waiting to reconnect must not keep a process (a `medusa exec`) alive.
    this.timer.unref()
  }
}

/**
 * Stops hearing a connection that is being given up. It may still report an error while it
 * closes: PostgreSQL shutting down sends each connection "terminating connection due to
 * administrator command", which can arrive after the listeners are gone and before the end
 * (Ctrl-C reaches the embedded PostgreSQL and Medusa together). An 'error' nobody listens to
 * is thrown, and would crash the process on its way out; this one is expected, and dropped.
 */
function forget(connection: ListeningConnection): void {
  connection.removeAllListeners()
  connection.on("error", () => undefined)
}
