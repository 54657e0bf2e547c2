/**
 * Whether a user may reach a file, decided from stat information alone, so that the rule can be
 * tested without a file system. Classic Unix permissions only: ACLs and capabilities are
 * ignored, which errs on the side of "cannot reach" (the caller then relocates, which is safe).
 */

export type Permission = "read" | "write" | "execute"

/** The identity a process runs with. */
export type Account = { uid: number; gids: number[] }

/** What `stat` says about one path. */
export type PathInfo = { path: string; uid: number; gid: number; mode: number; isDirectory: boolean }

export type Refusal = { info: PathInfo; missing: Permission[] }

const BITS: Record<Permission, number> = { read: 4, write: 2, execute: 1 }

/**
 * The permission bits that apply to `account`: the kernel looks at the owner's bits for the
 * owner, else the group's for a group member, else the others' — never a union of them, so
 * an owner with `0077` is locked out of their own file.
 */
function applicableBits(info: PathInfo, account: Account): number {
  if (info.uid === account.uid) return (info.mode >> 6) & 7
  if (account.gids.includes(info.gid)) return (info.mode >> 3) & 7
  return info.mode & 7
}

export function missingPermissions(info: PathInfo, account: Account, wanted: Permission[]): Permission[] {
  // Root passes every check but running a file that nobody may execute.
  if (account.uid === 0) {
    return wanted.filter((p) => p === "execute" && !info.isDirectory && (info.mode & 0o111) === 0)
  }
  const bits = applicableBits(info, account)
  return wanted.filter((p) => (bits & BITS[p]) === 0)
}

/**
 * The first path in `chain` (ordered from `/` down to the target) that stops `account`: every
 * directory on the way needs execute (to traverse it), the last entry needs `wanted`.
 * Undefined when the account can reach the target.
 */
export function firstRefusal(chain: PathInfo[], account: Account, wanted: Permission[]): Refusal | undefined {
  for (const [index, info] of chain.entries()) {
    const needs: Permission[] = index === chain.length - 1 ? wanted : ["execute"]
    const missing = missingPermissions(info, account, needs)
    if (missing.length > 0) return { info, missing }
  }
  return undefined
}

/** The absolute paths from `/` down to `target`, each one a prefix of the next. */
export function ancestry(target: string): string[] {
  const parts = target.split("/").filter(Boolean)
  return ["/", ...parts.map((_, index) => "/" + parts.slice(0, index + 1).join("/"))]
}

/** "the postgres user may not enter /root (mode 700)": the refusal in words, for a message. */
export function explainRefusal(refusal: Refusal, who: string): string {
  const { info, missing } = refusal
  const verbs = missing.map((permission) => {
    if (permission === "execute") return info.isDirectory ? "enter" : "run"
    if (permission === "write") return "write to"
    return "read"
  })
  const mode = (info.mode & 0o7777).toString(8).padStart(3, "0")
  return `${who} may not ${verbs.join(" or ")} ${info.path} (mode ${mode})`
}
