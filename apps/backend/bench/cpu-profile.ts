import path from "node:path"

/**
 * What a benchmark adds to its server's environment when BENCH_CPU_PROFILE names a folder: the
 * preload that makes each `medusa start` process write its CPU profile there when it stops.
 */
export function cpuProfileEnv(log: (line: string) => void): Record<string, string> {
  const folder = process.env.BENCH_CPU_PROFILE
  if (!folder) return {}
  log(`each Medusa process writes its CPU profile to ${path.resolve(folder)} when it stops`)
  return { BENCH_CPU_PROFILE: path.resolve(folder), NODE_OPTIONS: `--require ${path.join(__dirname, "cpu-profile-preload.cjs")}` }
}
