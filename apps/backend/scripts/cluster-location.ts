import crypto from "node:crypto"
import fs from "node:fs"
import path from "node:path"
import { cannotStart } from "./embedded-database-error"
import { explainRefusal } from "./path-access"
import { nearestExisting, refusalFor } from "./path-stat"
import type { ServerAccount } from "./postgres-account"
import { STATE_ROOT, stateDir } from "./state-dir"

/** Where the cluster's files are, whether initdb already ran there, and how to delete them. */
export type ClusterPlace = { dir: string; initialised: boolean; remove(): void }

const CLUSTERS = path.join(STATE_ROOT, "clusters")

/**
 * The folder the cluster lives in. Normally `dataDir` itself. As root in a folder the postgres
 * user may not enter, it lives under /var/lib/shopee-connector/clusters/ instead, and
 * `dataDir` becomes a symlink to it: a second start follows the link to its data, and deleting
 * the project's `.data` leaves no link, so the next start begins a fresh cluster.
 */
export function placeCluster(dataDir: string, server: ServerAccount, log: (line: string) => void): ClusterPlace {
  const wanted = path.resolve(dataDir)
  ensureNotAFile(wanted, server.asRoot)
  return server.asRoot ? placeAsRoot(wanted, server, log) : placeAsUser(wanted, server)
}

function placeAsUser(dataDir: string, server: ServerAccount): ClusterPlace {
  const existing = nearestExisting(dataDir)
  const needs = existing === dataDir ? (["read", "write", "execute"] as const) : (["write", "execute"] as const)
  const refusal = refusalFor(existing, server.account, [...needs])
  if (refusal) throw cannotStart(`${explainRefusal(refusal, "you")}, so its data folder ${dataDir} cannot be made`, false)
  makeDir(dataDir, false)
  return inPlace(dataDir)
}

function placeAsRoot(dataDir: string, server: ServerAccount, log: (line: string) => void): ClusterPlace {
  const real = linkTarget(dataDir) ?? dataDir
  if (path.dirname(real) === CLUSTERS) {
    const why = refusalFor(nearestExisting(path.dirname(dataDir)), server.account, ["execute"])
    log(`the cluster lives in ${real} (linked from ${dataDir}${why ? `, as ${explainRefusal(why, "the postgres user")}` : ""})`)
    return relocated(dataDir, real, server)
  }
  makeDir(path.dirname(real), true)
  const refusal = refusalFor(path.dirname(real), server.account, ["execute"])
  if (!refusal) return inPlaceAsRoot(real, server)

  const reason = explainRefusal(refusal, "the postgres user")
  if (real !== dataDir) {
    throw cannotStart(`${reason}, so its data folder ${dataDir} (a link to ${real}) cannot be used`, true)
  }
  if (fs.existsSync(path.join(dataDir, "PG_VERSION"))) {
    throw cannotStart(
      `${reason}, so the cluster in ${dataDir} cannot be used`,
      true,
      `move the project to a folder the postgres user may enter, delete ${dataDir} to begin a fresh cluster elsewhere, or set DATABASE_URL to a PostgreSQL of your own`
    )
  }
  if (fs.existsSync(dataDir)) {
    if (fs.readdirSync(dataDir).length > 0) {
      throw cannotStart(
        `${dataDir} holds files but no PostgreSQL cluster`,
        true,
        `delete it, or set DATABASE_URL to a PostgreSQL of your own`
      )
    }
    fs.rmdirSync(dataDir)
  }
  const home = path.join(stateDir("clusters"), crypto.createHash("sha256").update(dataDir).digest("hex").slice(0, 16))
  if (fs.existsSync(home)) {
    // Its link was deleted with the project's .data: that asked for a fresh cluster.
    log(`removing ${home}, a cluster left behind by an earlier ${dataDir}`)
    fs.rmSync(home, { recursive: true, force: true })
  }
  fs.symlinkSync(home, dataDir)
  log(`the cluster lives in ${home} (linked from ${dataDir}), as ${reason}`)
  return relocated(dataDir, home, server)
}

function relocated(link: string, dir: string, server: ServerAccount): ClusterPlace {
  if (!fs.existsSync(path.join(dir, "PG_VERSION"))) {
    // Never initialised, or initdb was cut short: begin afresh, initdb wants an empty folder.
    stateDir("clusters")
    fs.rmSync(dir, { recursive: true, force: true })
    fs.mkdirSync(dir, { mode: 0o700 })
  }
  const place = inPlaceAsRoot(dir, server)
  return {
    ...place,
    remove: () => {
      place.remove()
      fs.rmSync(link, { force: true })
    },
  }
}

function inPlaceAsRoot(dir: string, server: ServerAccount): ClusterPlace {
  makeDir(dir, true)
  const place = inPlace(dir)
  if (!place.initialised && server.spawnAs) {
    fs.chownSync(dir, server.spawnAs.uid, server.spawnAs.gid)
  }
  const refusal = refusalFor(dir, server.account, ["read", "write", "execute"])
  if (refusal) throw cannotStart(`${explainRefusal(refusal, "the postgres user")}, so the cluster in ${dir} cannot be used`, true)
  return place
}

function inPlace(dir: string): ClusterPlace {
  return {
    dir,
    initialised: fs.existsSync(path.join(dir, "PG_VERSION")),
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  }
}

/** Where `file` points when it is a symlink, resolved against its folder. */
function linkTarget(file: string): string | undefined {
  try {
    return path.resolve(path.dirname(file), fs.readlinkSync(file))
  } catch {
    return undefined
  }
}

function ensureNotAFile(dataDir: string, asRoot: boolean): void {
  if (fs.existsSync(dataDir) && !fs.statSync(dataDir).isDirectory()) {
    throw cannotStart(`its data folder ${dataDir} is a file`, asRoot, "delete that file, or set DATABASE_URL to a PostgreSQL of your own")
  }
}

function makeDir(dir: string, asRoot: boolean): void {
  try {
    fs.mkdirSync(dir, { recursive: true })
  } catch (error) {
    throw cannotStart(
      `its data folder ${dir} could not be made (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
      asRoot
    )
  }
}
