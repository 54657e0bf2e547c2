import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { canConnect } from "./database-url"
import { startEmbeddedDatabase, type EmbeddedDatabase } from "./embedded-database"

export type TestDatabase = {
  /** DB_HOST, DB_PORT, DB_USERNAME, DB_PASSWORD of the server to use. */
  env: { DB_HOST: string; DB_PORT: string; DB_USERNAME: string; DB_PASSWORD: string }
  /** Set when an embedded server was started for this run: stop it at the end. */
  embedded?: EmbeddedDatabase
}

/**
 * The PostgreSQL that `npm test` and the benchmarks create their throwaway databases on: the
 * server named by DB_HOST/DB_PORT/DB_USERNAME/DB_PASSWORD (default localhost:5432, user
 * postgres), or, when none answers, an embedded one in a temporary folder that is deleted
 * when it stops.
 */
export async function resolveTestDatabase(log: (line: string) => void): Promise<TestDatabase> {
  const config = {
    host: process.env.DB_HOST || "localhost",
    port: Number(process.env.DB_PORT || 5432),
    user: process.env.DB_USERNAME || "postgres",
    password: process.env.DB_PASSWORD ?? "",
  }
  if (await canConnect(config)) {
    log(`PostgreSQL at ${config.host}:${config.port} as ${config.user}`)
    return { env: { DB_HOST: config.host, DB_PORT: String(config.port), DB_USERNAME: config.user, DB_PASSWORD: config.password } }
  }
  log(`no PostgreSQL answers at ${config.host}:${config.port}; starting the embedded one`)
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "shopee-connector-test-pg-"))
  // The postgres system user that runs the embedded server must be able to enter the folder.
  fs.chmodSync(dataDir, 0o777)
  const embedded = await startEmbeddedDatabase({ dataDir: path.join(dataDir, "data"), persistent: false })
  return {
    embedded,
    env: { DB_HOST: embedded.host, DB_PORT: String(embedded.port), DB_USERNAME: embedded.user, DB_PASSWORD: embedded.password },
  }
}
