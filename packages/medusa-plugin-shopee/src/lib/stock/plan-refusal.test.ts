import { judgePlan, type PlanRefusalInput, type ReadPair } from "./plan-refusal"

const steady = (count: number): ReadPair[] => Array.from({ length: count }, () => ({ previous: 4, now: 4 }))
const zeroed = (count: number): ReadPair[] => Array.from({ length: count }, () => ({ previous: 4, now: 0 }))

const input = (overrides: Partial<PlanRefusalInput> = {}): PlanRefusalInput => ({
  medusa_read_complete: true,
  shopee_read_complete: true,
  medusa_reads: steady(10),
  shopee_reads: steady(10),
  planned_writes: 3,
  max_writes_per_run: 100,
  ...overrides,
})

describe("judgePlan", () => {
  it("accepts a plan from complete, believable reads within the cap", () => {
    expect(judgePlan(input())).toEqual({ refused: false })
  })

  it("refuses when either side's read was incomplete, naming the side", () => {
    expect(judgePlan(input({ shopee_read_complete: false }))).toEqual({
      refused: true,
      rule: "incomplete_read",
      reason: "incomplete read of Shopee: nothing written",
    })
    expect(judgePlan(input({ medusa_read_complete: false, shopee_read_complete: false }))).toMatchObject({
      reason: "incomplete read of Medusa and Shopee: nothing written",
    })
  })

  it("refuses when 4 of 5 models that had stock read 0 on Medusa", () => {
    expect(judgePlan(input({ medusa_reads: [...zeroed(4), ...steady(1)] }))).toEqual({
      refused: true,
      rule: "sudden_zeros",
      reason: "4 of 5 models that had stock now read 0 on Medusa (refused from 80 % of at least 5): nothing written",
    })
  })

  it("believes 4 of 4 zeros: too few models to call it a broken read", () => {
    expect(judgePlan(input({ medusa_reads: zeroed(4) }))).toEqual({ refused: false })
  })

  it("believes 3 of 5 zeros, under the share", () => {
    expect(judgePlan(input({ shopee_reads: [...zeroed(3), ...steady(2)] }))).toEqual({ refused: false })
  })

  it("applies the same rule to Shopee's side", () => {
    expect(judgePlan(input({ shopee_reads: [...zeroed(8), ...steady(2)] }))).toMatchObject({
      rule: "sudden_zeros",
      reason: expect.stringContaining("8 of 10 models that had stock now read 0 on Shopee"),
    })
  })

  it("does not count models that were already at zero or never read before", () => {
    const reads: ReadPair[] = [...zeroed(4), { previous: 0, now: 0 }, { previous: null, now: 0 }, { previous: 0, now: 0 }]
    expect(judgePlan(input({ medusa_reads: reads }))).toEqual({ refused: false })
  })

  it("accepts exactly the cap and refuses one more", () => {
    expect(judgePlan(input({ planned_writes: 100 }))).toEqual({ refused: false })
    expect(judgePlan(input({ planned_writes: 101 }))).toEqual({
      refused: true,
      rule: "over_cap",
      reason: "101 changes planned, more than the cap of 100 per run: nothing written",
    })
  })

  it("takes its thresholds from the rule given", () => {
    expect(judgePlan(input({ medusa_reads: [...zeroed(2), ...steady(1)] }), { min_tracked: 3, zero_share: 0.6 })).toMatchObject({
      refused: true,
      rule: "sudden_zeros",
    })
  })
})
