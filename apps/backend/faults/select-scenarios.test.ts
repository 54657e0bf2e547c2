import { UsageError } from "../bench/options"
import { selectScenarios } from "./select-scenarios"

const passes = [
  {
    redis: false,
    scenarios: [
      ["order-burst", 1],
      ["malformed-input", 2],
    ] as [string, number][],
  },
  {
    redis: true,
    scenarios: [
      ["worker-kill", 3],
      ["postgres-restart", 4],
      ["secret-scan", 5],
    ] as [string, number][],
  },
]

describe("selectScenarios", () => {
  it("keeps every pass without --only", () => {
    expect(selectScenarios(passes, undefined)).toBe(passes)
  })

  it("keeps only the named scenarios, in the suite's order, and drops a pass left empty", () => {
    expect(selectScenarios(passes, "secret-scan,postgres-restart")).toEqual([
      {
        redis: true,
        scenarios: [
          ["postgres-restart", 4],
          ["secret-scan", 5],
        ],
      },
    ])
  })

  it("refuses an unknown or empty name, naming the known ones", () => {
    expect(() => selectScenarios(passes, "postgres-restrat")).toThrow(
      '--only takes scenario names among order-burst, malformed-input, worker-kill, postgres-restart, secret-scan; got "postgres-restrat"'
    )
    expect(() => selectScenarios(passes, "")).toThrow("--only takes scenario names")
    expect(() => selectScenarios(passes, "order-burst,")).toThrow("--only takes scenario names")
    // A usage error: run-faults.ts prints its message alone, without a stack trace.
    expect(() => selectScenarios(passes, "nope")).toThrow(UsageError)
  })
})
