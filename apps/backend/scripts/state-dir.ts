import fs from "node:fs"
import path from "node:path"
import { cannotStart } from "./embedded-database-error"

/**
 * Where root keeps what the postgres user must reach when the project sits in a private folder:
 * a copy of the PostgreSQL binaries and the relocated clusters. /var/lib is the place for a
 * service's state, and every folder above it is open to all users on a standard system.
 */
export const STATE_ROOT = "/var/lib/shopee-connector"

/** `STATE_ROOT/<name>`, created open to all (755) whatever root's umask, since postgres must enter it. */
export function stateDir(name: string): string {
  const dir = path.join(STATE_ROOT, name)
  try {
    for (const folder of [STATE_ROOT, dir]) {
      fs.mkdirSync(folder, { recursive: true })
      fs.chmodSync(folder, 0o755)
    }
  } catch (error) {
    throw cannotStart(
      `it needs ${dir}, which could not be created (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
      true
    )
  }
  return dir
}
