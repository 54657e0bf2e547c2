/**
 * `tsx apps/backend/scripts/after-build.ts <script> [flags]`: builds what is stale (the check and
 * stamps `npm start` uses), then runs <script> in this process with the flags. The fault suite and
 * the benchmarks import the workspace packages (the simulator, the client), which resolve to their
 * dist/ folders: on a fresh clone those exist only once built, and a static import fails before
 * the script's first line could build them.
 */
import path from "node:path"
import { pathToFileURL } from "node:url"
import { buildIfStale } from "./build-if-stale"
import { ALL_TARGETS, BUILD_STAMP_FILE } from "./build-targets"

async function main(): Promise<void> {
  // The script then reads its own flags from process.argv.slice(2), as when run directly.
  const [script] = process.argv.splice(2, 1)
  if (!script) throw new Error("usage: tsx apps/backend/scripts/after-build.ts <script> [flags]")
  const target = path.resolve(script)
  await buildIfStale(ALL_TARGETS, BUILD_STAMP_FILE, (line) => console.log(`[build] ${line}`))
  process.argv[1] = target
  await import(pathToFileURL(target).href)
}

main().catch((error: Error) => {
  console.error(`[build] ${error.message}`)
  process.exit(1)
})
