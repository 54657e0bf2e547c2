import fs from "node:fs"
import path from "node:path"
import { ancestry, firstRefusal, type Account, type Permission, type PathInfo, type Refusal } from "./path-access"

/** What stat says about `/` and every folder down to `target` (an existing path), symlinks resolved. */
export function statChain(target: string): PathInfo[] {
  return ancestry(fs.realpathSync(target)).map((entry) => {
    const stat = fs.statSync(entry)
    return { path: entry, uid: stat.uid, gid: stat.gid, mode: stat.mode, isDirectory: stat.isDirectory() }
  })
}

/** The nearest of `target` and its parents that exists. */
export function nearestExisting(target: string): string {
  let current = path.resolve(target)
  while (!fs.existsSync(current)) current = path.dirname(current)
  return current
}

/** Whether `account` can reach the existing path `target` with `wanted`, from the real file system. */
export function refusalFor(target: string, account: Account, wanted: Permission[]): Refusal | undefined {
  return firstRefusal(statChain(target), account, wanted)
}
