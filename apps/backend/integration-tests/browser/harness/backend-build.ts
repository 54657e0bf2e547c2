import { buildIfStale } from "../../../scripts/build-if-stale"
import { BACKEND_TARGET, BUILD_STAMP_FILE } from "../../../scripts/build-targets"

/**
 * The browser tests drive the built admin, which bundles the plugin's admin pages. `medusa
 * build` (about 35 s) runs only when the backend or those pages changed since the last build.
 * The target and its stamp file are the ones `npm start` uses, so neither builds twice.
 */
export async function ensureBackendBuild(log: (line: string) => void = () => undefined): Promise<void> {
  await buildIfStale([BACKEND_TARGET], BUILD_STAMP_FILE, log)
}
