// Builds the three outputs the package.json "exports" map points at: CommonJS (Medusa loads
// plugins with require), ESM, and one set of declarations shared by both.
import { execFileSync } from "node:child_process"
import { mkdirSync, rmSync, writeFileSync } from "node:fs"
import { createRequire } from "node:module"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"

const root = join(dirname(fileURLToPath(import.meta.url)), "..")
const tsc = createRequire(join(root, "package.json")).resolve("typescript/bin/tsc")
const dist = join(root, "dist")

rmSync(dist, { recursive: true, force: true })

for (const config of ["tsconfig.cjs.json", "tsconfig.esm.json", "tsconfig.types.json"]) {
  execFileSync(process.execPath, [tsc, "-p", join(root, config)], { cwd: root, stdio: "inherit" })
}

// Each output folder declares its own module type, so Node reads dist/cjs as CommonJS and
// dist/esm as ESM whatever the package's own "type" is.
for (const [folder, type] of [
  ["cjs", "commonjs"],
  ["esm", "module"],
]) {
  mkdirSync(join(dist, folder), { recursive: true })
  writeFileSync(join(dist, folder, "package.json"), JSON.stringify({ type }, null, 2) + "\n")
}
