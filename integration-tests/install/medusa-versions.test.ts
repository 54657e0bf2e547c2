import { lowestVersionOf, medusaPeerRange, medusaVersionsToTest } from "./medusa-versions"

describe("medusaPeerRange", () => {
  it("reads the range shared by the lockstep Medusa peers, leaving @medusajs/ui and other peers aside", () => {
    expect(
      medusaPeerRange({
        "@medusajs/framework": "~2.21.2",
        "@medusajs/medusa": "~2.21.2",
        "@medusajs/ui": "~4.2.6",
        "react-router-dom": "^6.30.4 || ^7.0.0",
      })
    ).toBe("~2.21.2")
  })

  it("refuses peers that disagree, naming the ranges", () => {
    expect(() => medusaPeerRange({ "@medusajs/framework": "~2.21.2", "@medusajs/medusa": "^2.20.0" })).toThrow("~2.21.2, ^2.20.0")
  })

  it("refuses a plugin without Medusa peers", () => {
    expect(() => medusaPeerRange({ react: "^18.3.1" })).toThrow("found none")
  })
})

describe("lowestVersionOf", () => {
  it.each([
    ["2.21.2", "2.21.2"],
    ["^2.21.0", "2.21.0"],
    ["~2.21.2", "2.21.2"],
    [">=2.20.1 <2.22.0", "2.20.1"],
  ])("%s starts at %s", (range, lowest) => {
    expect(lowestVersionOf(range)).toBe(lowest)
  })

  it("refuses a range whose lowest version it cannot read", () => {
    expect(() => lowestVersionOf("2.x")).toThrow('Cannot tell the lowest version of "2.x"')
    expect(() => lowestVersionOf("^2.20.0 || ^3.0.0")).toThrow("Cannot tell")
  })
})

describe("medusaVersionsToTest", () => {
  it("tests the newest with the whole story first, then the lowest with the core", () => {
    expect(medusaVersionsToTest("~2.21.0", "2.21.2")).toEqual([
      { version: "2.21.2", covers: "newest of ~2.21.0", story: "whole" },
      { version: "2.21.0", covers: "lowest of ~2.21.0", story: "core" },
    ])
  })

  it("runs the whole story once when the range admits a single release", () => {
    expect(medusaVersionsToTest("~2.21.2", "2.21.2")).toEqual([
      { version: "2.21.2", covers: "lowest and newest of ~2.21.2", story: "whole" },
    ])
  })
})
