import { execFileSync } from "node:child_process"
import type { Account } from "./path-access"
import { cannotStart } from "./embedded-database-error"

/** The identity the embedded PostgreSQL runs with; `spawnAs` is unset when it runs as this process. */
export type ServerAccount = { account: Account; spawnAs?: { uid: number; gid: number }; asRoot: boolean }

/**
 * PostgreSQL refuses to run as root, so root runs it as the `postgres` user, created when the
 * machine has none (a bare CI container). Node's spawn with a uid drops the supplementary
 * groups, so only the primary group counts for what that process may reach.
 */
export function serverAccount(log: (line: string) => void): ServerAccount {
  if (process.getuid?.() !== 0) {
    const gids = [...new Set([process.getegid?.() ?? 0, ...(process.getgroups?.() ?? [])])]
    return { account: { uid: process.getuid?.() ?? 0, gids }, asRoot: false }
  }
  let ids = lookup("postgres")
  if (!ids) {
    log("creating the system user postgres, which runs the embedded PostgreSQL (it may not run as root)")
    try {
      if (!groupExists("postgres")) execFileSync("groupadd", ["--system", "postgres"], { stdio: "pipe" })
      execFileSync("useradd", ["--system", "--gid", "postgres", "--no-create-home", "postgres"], { stdio: "pipe" })
    } catch (error) {
      throw cannotStart(`as root it must run as the user postgres, which could not be created (${firstLine(error)})`, true)
    }
    ids = lookup("postgres")
    if (!ids) throw cannotStart("as root it must run as the user postgres, which could not be created", true)
  }
  return { account: { uid: ids.uid, gids: [ids.gid] }, spawnAs: ids, asRoot: true }
}

function lookup(user: string): { uid: number; gid: number } | undefined {
  try {
    const uid = Number(execFileSync("id", ["-u", user], { stdio: "pipe", encoding: "utf8" }).trim())
    const gid = Number(execFileSync("id", ["-g", user], { stdio: "pipe", encoding: "utf8" }).trim())
    return { uid, gid }
  } catch {
    return undefined
  }
}

function groupExists(group: string): boolean {
  try {
    execFileSync("getent", ["group", group], { stdio: "pipe" })
    return true
  } catch {
    return false
  }
}

function firstLine(error: unknown): string {
  const stderr = (error as { stderr?: Buffer | string }).stderr?.toString().trim()
  return (stderr || (error as Error).message).split("\n")[0]
}
