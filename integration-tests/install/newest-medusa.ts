import { spawnSync } from "node:child_process"
import os from "node:os"

/**
 * The newest `@medusajs/medusa` release in `range`, as npm resolves it: from the registry, or
 * from npm's cached copy of the registry when there is no network (`--prefer-offline`).
 */
export function newestMedusaIn(range: string): string {
  const resolved = spawnSync("npm", ["pack", `@medusajs/medusa@${range}`, "--dry-run", "--json", "--prefer-offline"], {
    cwd: os.tmpdir(),
    encoding: "utf8",
  })
  if (resolved.status !== 0) {
    throw new Error(`npm cannot resolve @medusajs/medusa@${range} (no network and nothing cached?):\n${resolved.stderr.slice(-2000)}`)
  }
  return (JSON.parse(resolved.stdout) as { version: string }[])[0].version
}
