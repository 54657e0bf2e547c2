import crypto from "node:crypto"
import fs from "node:fs"
import path from "node:path"
import { run } from "./run-command"

export type BuildTarget = {
  name: string
  /** Files and folders whose content decides whether the output is current. */
  inputs: string[]
  /** A file the build writes; a missing one means the build never ran. */
  output: string
  cwd: string
  command: string[]
}

const IGNORED = new Set(["node_modules", ".medusa", "dist", ".data", "test-results"])

/**
 * A fingerprint of the inputs' paths, sizes and modification times: cheap, and changes on any
 * edit. Paths count relative to the target, so a checkout copied elsewhere with its mtimes
 * (`cp -a`) keeps its stamps instead of rebuilding everything.
 */
function fingerprint(base: string, inputs: string[]): string {
  const hash = crypto.createHash("sha256")
  const visit = (entry: string) => {
    if (!fs.existsSync(entry)) return
    const stat = fs.statSync(entry)
    if (stat.isDirectory()) {
      for (const child of fs.readdirSync(entry).sort()) {
        if (!IGNORED.has(child)) visit(path.join(entry, child))
      }
      return
    }
    hash.update(`${path.relative(base, entry)}\0${stat.size}\0${stat.mtimeMs}\n`)
  }
  inputs.forEach(visit)
  return hash.digest("hex")
}

/** Runs each target's build when its inputs changed since the last successful build. */
export async function buildIfStale(targets: BuildTarget[], stampFile: string, log: (line: string) => void) {
  const stamps: Record<string, string> = fs.existsSync(stampFile) ? JSON.parse(fs.readFileSync(stampFile, "utf8")) : {}
  for (const target of targets) {
    const current = fingerprint(target.cwd, target.inputs)
    if (stamps[target.name] === current && fs.existsSync(target.output)) {
      log(`${target.name}: up to date`)
      continue
    }
    log(`${target.name}: building…`)
    await run(target.command, { cwd: target.cwd })
    stamps[target.name] = current
    fs.mkdirSync(path.dirname(stampFile), { recursive: true })
    fs.writeFileSync(stampFile, JSON.stringify(stamps, null, 2))
  }
}
