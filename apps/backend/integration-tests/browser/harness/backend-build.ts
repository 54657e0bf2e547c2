import path from "node:path"
import { buildIfStale } from "../../../scripts/build-if-stale"

const BACKEND = path.resolve(__dirname, "../../..")
const ROOT = path.resolve(BACKEND, "../..")
const MEDUSA = path.join(ROOT, "node_modules/.bin/medusa")

/**
 * The browser tests drive the built admin, which bundles the plugin's admin pages. `medusa
 * build` (about 35 s) runs only when the backend or those pages changed since the last build.
 * The target and its stamp file are the ones `npm start` uses, so neither builds twice.
 */
export async function ensureBackendBuild(log: (line: string) => void = () => undefined): Promise<void> {
  await buildIfStale(
    [
      {
        name: "backend",
        cwd: BACKEND,
        command: [MEDUSA, "build"],
        output: path.join(BACKEND, ".medusa/server/public/admin/index.html"),
        inputs: [
          path.join(BACKEND, "src"),
          path.join(BACKEND, "medusa-config.ts"),
          path.join(ROOT, "packages/medusa-plugin-shopee/src/admin"),
        ],
      },
    ],
    path.join(ROOT, ".data/build-stamps.json"),
    log
  )
}
