import { numberOption, refuseUnknownFlags, UsageError } from "./options"

describe("command-line options", () => {
  const argv = process.argv
  afterEach(() => {
    process.argv = argv
  })

  it("reads a flag, else the environment, else the default", () => {
    process.argv = ["node", "script", "--orders=1_000"]
    expect(numberOption("orders", "NOT_SET_HERE", 20, { min: 1, max: 10_000 })).toBe(1000)
    process.argv = ["node", "script"]
    expect(numberOption("orders", "NOT_SET_HERE", 20, { min: 1, max: 10_000 })).toBe(20)
  })

  it("refuses a value out of range and an unknown flag as usage errors naming them", () => {
    process.argv = ["node", "script", "--orders=0"]
    expect(() => numberOption("orders", "NOT_SET_HERE", 20, { min: 1, max: 10_000 })).toThrow(
      new UsageError('--orders (or NOT_SET_HERE) must be a number from 1 to 10000; got "0"')
    )
    process.argv = ["node", "script", "--order=5"]
    expect(() => refuseUnknownFlags(["orders", "only"])).toThrow(UsageError)
    expect(() => refuseUnknownFlags(["orders", "only"])).toThrow('Unknown argument "--order=5"; known: --orders=…, --only=…')
  })
})
