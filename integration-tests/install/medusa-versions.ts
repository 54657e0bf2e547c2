/**
 * Which Medusa versions the install test proves: the lowest and the newest of the range the
 * plugin declares for its Medusa peers. The lowest is written in the range itself; the newest is
 * whatever the registry (or npm's cached copy of it, offline) resolves the range to.
 */

/** The peers released in lockstep with Medusa (`@medusajs/ui` is numbered on its own). */
const LOCKSTEP_PEER = /^@medusajs\/(?!ui$)/

/** The one range the plugin gives every lockstep Medusa peer; differing ranges are a packaging mistake. */
export function medusaPeerRange(peerDependencies: Record<string, string>): string {
  const ranges = new Set(
    Object.entries(peerDependencies)
      .filter(([name]) => LOCKSTEP_PEER.test(name))
      .map(([, range]) => range)
  )
  if (ranges.size !== 1) {
    throw new Error(`The plugin's @medusajs/* peers (other than ui) must share one range; found ${[...ranges].join(", ") || "none"}`)
  }
  return [...ranges][0]
}

/** The lowest version a range admits, for the forms a peer range is written in. */
export function lowestVersionOf(range: string): string {
  const match = /^(?:\^|~|>=\s*)?(\d+\.\d+\.\d+)(?:\s+<\s*\d+\.\d+\.\d+)?$/.exec(range.trim())
  if (!match) {
    throw new Error(`Cannot tell the lowest version of "${range}": write the range as X.Y.Z, ^X.Y.Z, ~X.Y.Z or ">=X.Y.Z <A.B.C"`)
  }
  return match[1]
}

/**
 * What a version's app goes through. `whole`: the whole story of install.spec.ts. `core`: what
 * can differ between Medusa releases of the range (install with peers satisfied, migrate, build,
 * start, the admin's Shopee page, a signed push, the shop connected, an order imported), without
 * the checks another version's run already proves (the client's types, which no Medusa package
 * touches; removing the plugin, which is Medusa's own migration and admin).
 */
export type Story = "whole" | "core"

export type MedusaVersionToTest = { version: string; covers: string; story: Story }

/**
 * One run per distinct version: when the range admits a single release, one run proves both ends.
 * Otherwise the newest (what a new store installs, and what the repository develops against)
 * goes first with the whole story, and the lowest second with the core: its installs can then
 * run while the newest's app builds and runs.
 */
export function medusaVersionsToTest(range: string, newest: string): MedusaVersionToTest[] {
  const lowest = lowestVersionOf(range)
  if (lowest === newest) return [{ version: lowest, covers: `lowest and newest of ${range}`, story: "whole" }]
  return [
    { version: newest, covers: `newest of ${range}`, story: "whole" },
    { version: lowest, covers: `lowest of ${range}`, story: "core" },
  ]
}
