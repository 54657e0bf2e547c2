import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs"
import { emptyState, type SandboxState } from "./model.js"

/** Reads a saved state; a missing file means "no saved state" (undefined). */
export function loadState(path: string): SandboxState | undefined {
  if (!existsSync(path)) return undefined
  const saved = JSON.parse(readFileSync(path, "utf8")) as Partial<SandboxState>
  // Fields added after the file was written start empty instead of breaking the load.
  return { ...emptyState(), ...saved }
}

/** Writes through a temporary file so a crash mid-write never leaves a truncated state. */
export function saveState(path: string, state: SandboxState): void {
  const temporary = `${path}.tmp`
  writeFileSync(temporary, JSON.stringify(state, null, 2))
  renameSync(temporary, path)
}
