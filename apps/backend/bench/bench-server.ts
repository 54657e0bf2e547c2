import path from "node:path"
import pg from "pg"
import { startAdminServer, type AdminServer } from "../scripts/admin-server"
import { resolveTestDatabase } from "../scripts/test-database"

const BACKEND = path.resolve(__dirname, "..")

export type BenchServer = AdminServer & {
  /** A small pool on the server's database, for counting what it stored and bulk inserts. */
  sql: pg.Pool
}

/**
 * A real Medusa for a benchmark, the one the browser tests start: `npm start` itself (which
 * builds what is stale) on a fresh database (on the PostgreSQL `npm test` would use, or an
 * embedded one). Its output goes to test-results/bench-<name>-server.log.
 * LOG_LEVEL defaults to `error`, as in `npm test`, so that a log line per request does not
 * become part of what is measured. Ctrl-C, or the end of the run, stops the server, drops its
 * database and stops an embedded PostgreSQL; `stop` may be called more than once.
 */
export async function startBenchServer(
  name: string,
  log: (line: string) => void,
  /** More variables for `npm start`, e.g. SHOPEE_ALLOWED_API_BASE_URLS for a simulator the benchmark runs itself. */
  env: Record<string, string> = {},
  /** Flags after `npm start --` (scripts/start-options.ts), e.g. `--servers=2`. */
  args: string[] = []
): Promise<{ server: BenchServer; stop: () => Promise<void> }> {
  const database = await resolveTestDatabase(log)
  // startAdminServer reads the database from these, as it does under `npm test`.
  Object.assign(process.env, database.env)

  let server: AdminServer | undefined
  let sql: pg.Pool | undefined
  let stopping: Promise<void> | undefined
  const stop = () =>
    (stopping ??= (async () => {
      await sql?.end().catch(() => undefined)
      await server?.stop().catch((error) => log(`stopping Medusa: ${(error as Error).message}`))
      await database.embedded?.stop().catch(() => undefined)
    })())
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      log(`${signal}: stopping the server and dropping its database…`)
      void stop().finally(() => process.exit(130))
    })
  }

  try {
    const logFile = path.join(BACKEND, "test-results", `bench-${name}-server.log`)
    log(`starting Medusa on a fresh database (migrate, seed; about a minute); its log: ${path.relative(process.cwd(), logFile)}`)
    const started = Date.now()
    // LOG_LEVEL: a log line per request would become part of what is measured. SHOPEE_BENCH_ROUTES:
    // the baseline route answers 404 in a store that is not being measured.
    server = await startAdminServer({
      logFile,
      env: { LOG_LEVEL: process.env.LOG_LEVEL || "error", SHOPEE_BENCH_ROUTES: "on", ...env },
      args,
    })
    log(`Medusa answers at ${server.url} (${Math.round((Date.now() - started) / 1000)} s)`)
    sql = new pg.Pool({ connectionString: server.databaseUrl, max: 2 })
    return { server: { ...server, sql }, stop }
  } catch (error) {
    await stop()
    throw error
  }
}

/** Load goes only to this machine: a URL on another host is refused before anything is sent. */
export function assertLoopback(url: string): void {
  const host = new URL(url).hostname
  if (!["localhost", "127.0.0.1", "[::1]", "::1"].includes(host)) {
    throw new Error(`Refusing to send load to ${host}: the benchmarks only target loopback addresses`)
  }
}
