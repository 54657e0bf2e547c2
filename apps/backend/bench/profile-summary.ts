/** A V8 CPU profile as `Profiler.stop` writes it (the `.cpuprofile` files of BENCH_CPU_PROFILE). */
export type CpuProfile = {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[]
  samples: number[]
  timeDeltas: number[]
}

export type ProfileShare = { name: string; ms: number; share: number }

export type ProfileSummary = { totalMs: number; byArea: ProfileShare[]; byFunction: ProfileShare[] }

/**
 * Where a file's time is counted: a package under node_modules by its name (`@medusajs/framework`,
 * `pg`), the project's own packages by theirs, Node's internals as `node:internal`, and V8's
 * pseudo-frames (`(garbage collector)`, `(idle)`, `(program)`) as they are named.
 */
export function areaOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith("(") ? functionName : "(native)"
  const path = url.replace(/^file:\/\//, "")
  const modules = path.lastIndexOf("/node_modules/")
  if (modules >= 0) {
    const parts = path.slice(modules + "/node_modules/".length).split("/")
    return parts[0].startsWith("@") ? `${parts[0]}/${parts[1]}` : parts[0]
  }
  if (path.startsWith("node:")) return path.startsWith("node:internal") ? "node:internal" : path
  const own = path.match(/\/(packages|apps)\/([^/]+)\//)
  if (own) return `${own[1]}/${own[2]}`
  return path
}

/**
 * Self time (the time a function itself was on the CPU, not its callees) summed by area and by
 * function, over one or more profiles, largest first. `(idle)` is left out of the total: it is
 * time the process waited, not time it spent.
 */
export function summarizeProfiles(profiles: CpuProfile[], top = 15): ProfileSummary {
  const byArea = new Map<string, number>()
  const byFunction = new Map<string, number>()
  let totalUs = 0
  for (const profile of profiles) {
    const nodes = new Map(profile.nodes.map((node) => [node.id, node]))
    profile.samples.forEach((id, index) => {
      const node = nodes.get(id)
      const us = profile.timeDeltas[index] ?? 0
      if (!node || node.callFrame.functionName === "(idle)") return
      totalUs += us
      const { functionName, url, lineNumber } = node.callFrame
      const area = areaOf(url, functionName)
      byArea.set(area, (byArea.get(area) ?? 0) + us)
      const name = `${functionName || "(anonymous)"} ${area}${url ? `:${lineNumber + 1}` : ""}`
      byFunction.set(name, (byFunction.get(name) ?? 0) + us)
    })
  }
  const shares = (map: Map<string, number>) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => ({ name, ms: Math.round(us / 1000), share: totalUs ? us / totalUs : 0 }))
  return { totalMs: Math.round(totalUs / 1000), byArea: shares(byArea), byFunction: shares(byFunction) }
}
