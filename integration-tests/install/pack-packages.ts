import { spawnSync } from "node:child_process"
import path from "node:path"

const ROOT = path.resolve(__dirname, "../..")

export type PackedPackage = { name: string; version: string; tarball: string; files: string[] }

/** `npm pack` of the client and the plugin from their builds: exactly what `npm publish` would upload. */
export function packPackages(destination: string): { client: PackedPackage; plugin: PackedPackage } {
  const packed = spawnSync(
    "npm",
    ["pack", "--json", "--pack-destination", destination, "-w", "@shopee-medusa/shopee-client", "-w", "medusa-plugin-shopee"],
    { cwd: ROOT, encoding: "utf8" }
  )
  if (packed.status !== 0) throw new Error(`npm pack failed:\n${packed.stderr}`)
  const results = JSON.parse(packed.stdout) as { name: string; version: string; filename: string; files: { path: string }[] }[]
  const byName = (name: string): PackedPackage => {
    const result = results.find((candidate) => candidate.name === name)
    if (!result) throw new Error(`npm pack made no ${name} tarball`)
    return { name, version: result.version, tarball: path.join(destination, result.filename), files: result.files.map((file) => file.path) }
  }
  return { client: byName("@shopee-medusa/shopee-client"), plugin: byName("medusa-plugin-shopee") }
}
