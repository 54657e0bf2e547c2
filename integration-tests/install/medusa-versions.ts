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

export type MedusaVersionToTest = { version: string; covers: string }

/** One run per distinct version: when the range admits a single release, one run proves both ends. */
export function medusaVersionsToTest(range: string, newest: string): MedusaVersionToTest[] {
  const lowest = lowestVersionOf(range)
  if (lowest === newest) return [{ version: lowest, covers: `lowest and newest of ${range}` }]
  return [
    { version: lowest, covers: `lowest of ${range}` },
    { version: newest, covers: `newest of ${range}` },
  ]
}
