import { areaOf, summarizeProfiles, type CpuProfile } from "./profile-summary"

describe("areaOf", () => {
  it("names a dependency by its package, a scoped one by scope and name", () => {
    expect(areaOf("file:///work/main/node_modules/pg/lib/client.js", "query")).toEqual("pg")
    expect(areaOf("file:///work/main/node_modules/@medusajs/framework/dist/http/router.js", "handle")).toEqual("@medusajs/framework")
    expect(areaOf("file:///w/node_modules/a/node_modules/@mikro-orm/core/x.js", "f")).toEqual("@mikro-orm/core")
  })

  it("names the project's own packages, Node's internals and V8's pseudo-frames", () => {
    expect(areaOf("file:///work/main/packages/medusa-plugin-shopee/.medusa/server/src/x.js", "f")).toEqual("packages/medusa-plugin-shopee")
    expect(areaOf("node:internal/streams/readable", "read")).toEqual("node:internal")
    expect(areaOf("", "(garbage collector)")).toEqual("(garbage collector)")
    expect(areaOf("", "JSONParse")).toEqual("(native)")
  })
})

describe("summarizeProfiles", () => {
  const frame = (functionName: string, url: string) => ({ functionName, url, lineNumber: 9 })
  const profile: CpuProfile = {
    nodes: [
      { id: 1, callFrame: frame("(root)", ""), children: [2, 3, 4] },
      { id: 2, callFrame: frame("query", "file:///x/node_modules/pg/lib/client.js") },
      { id: 3, callFrame: frame("(idle)", "") },
      { id: 4, callFrame: frame("(garbage collector)", "") },
    ],
    samples: [2, 2, 3, 4, 2],
    timeDeltas: [1000, 2000, 50_000, 1000, 0],
  }

  it("sums self time by area and by function, largest first, leaving idle time out", () => {
    const summary = summarizeProfiles([profile, profile])
    expect(summary.totalMs).toEqual(8)
    expect(summary.byArea).toEqual([
      { name: "pg", ms: 6, share: 0.75 },
      { name: "(garbage collector)", ms: 2, share: 0.25 },
    ])
    expect(summary.byFunction[0]).toEqual({ name: "query pg:10", ms: 6, share: 0.75 })
  })

  it("keeps only the top entries", () => {
    expect(summarizeProfiles([profile], 1).byArea).toHaveLength(1)
  })
})
