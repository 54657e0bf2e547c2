import { UsageError } from "../bench/options"

/**
 * `--only=a,b`: the passes cut down to the named scenarios, each kept in its pass, so that one
 * scenario can be run again without the half hour the whole suite takes at 1,000 orders. A pass
 * left empty is dropped (its Redis is then never started). Unknown names end the run, naming them.
 */
export function selectScenarios<P extends { scenarios: [name: string, scenario: S][] }, S>(passes: P[], only: string | undefined): P[] {
  if (only === undefined) return passes
  const wanted = only.split(",").map((name) => name.trim())
  const known = passes.flatMap((pass) => pass.scenarios.map(([name]) => name))
  const unknown = wanted.filter((name) => !known.includes(name))
  if (unknown.length > 0 || wanted.includes("")) {
    throw new UsageError(`--only takes scenario names among ${known.join(", ")}; got "${only}"`)
  }
  return passes
    .map((pass) => ({ ...pass, scenarios: pass.scenarios.filter(([name]) => wanted.includes(name)) }))
    .filter((pass) => pass.scenarios.length > 0)
}
