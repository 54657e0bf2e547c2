import path from "node:path"

/** The plugin's `src/api` in this repository, whose route files the probes walk. */
export function pluginApiDir(backendDir: string): string {
  return path.resolve(backendDir, "../../packages/medusa-plugin-shopee/src/api")
}
