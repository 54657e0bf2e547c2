import path from "node:path"
import type { BuildTarget } from "./build-if-stale"

const BACKEND = path.resolve(__dirname, "..")
const ROOT = path.resolve(BACKEND, "../..")
const MEDUSA = path.join(ROOT, "node_modules/.bin/medusa")

/** One stamp file for every build, so `npm start` and the tests never build the same thing twice. */
export const BUILD_STAMP_FILE = path.join(ROOT, ".data/build-stamps.json")

function packageTarget(name: string, dir: string, command: string[], output: string): BuildTarget {
  const cwd = path.join(ROOT, dir)
  return { name, cwd, command, output: path.join(cwd, output), inputs: [path.join(cwd, "src"), path.join(cwd, "package.json")] }
}

/**
 * The backend with its admin, which bundles the plugin's admin pages and, through them, the
 * client's vocabulary and the module's environments: about 35 s.
 */
export const BACKEND_TARGET: BuildTarget = {
  name: "backend",
  cwd: BACKEND,
  command: [MEDUSA, "build"],
  output: path.join(BACKEND, ".medusa/server/public/admin/index.html"),
  inputs: [
    path.join(BACKEND, "src"),
    path.join(BACKEND, "medusa-config.ts"),
    path.join(ROOT, "packages/medusa-plugin-shopee/src/admin"),
    // The one module file the admin pages import a value from (type imports leave nothing in the bundle).
    path.join(ROOT, "packages/medusa-plugin-shopee/src/modules/shopee/environments.ts"),
    path.join(ROOT, "packages/shopee-client/src"),
  ],
}

/** Everything `npm start` runs, in dependency order. */
export const ALL_TARGETS: BuildTarget[] = [
  packageTarget("shopee-client", "packages/shopee-client", ["npm", "run", "build"], "dist/cjs/index.js"),
  packageTarget("shopee-sandbox", "packages/shopee-sandbox", ["npm", "run", "build"], "dist/index.js"),
  packageTarget(
    "medusa-plugin-shopee",
    "packages/medusa-plugin-shopee",
    [MEDUSA, "plugin:build"],
    ".medusa/server/src/modules/shopee/index.js"
  ),
  BACKEND_TARGET,
]
