/**
 * `npx tsx apps/backend/bench/profile-report.ts <folder> [top]`: where the CPU time of the
 * profiles a benchmark wrote (BENCH_CPU_PROFILE=<folder>) went, by area (package) and by function,
 * self time only, one table per process file and one for all of them together.
 */
import fs from "node:fs"
import path from "node:path"
import { summarizeProfiles, type CpuProfile, type ProfileShare } from "./profile-summary"

function main(): number {
  const [folder, topArgument] = process.argv.slice(2)
  if (!folder) {
    console.error("usage: profile-report.ts <folder of .cpuprofile files> [top entries, default 15]")
    return 2
  }
  const top = topArgument ? Number(topArgument) : 15
  if (!Number.isInteger(top) || top < 1) {
    console.error(`top must be a whole number of entries, got "${topArgument}"`)
    return 2
  }
  const files = fs.readdirSync(folder).filter((file) => file.endsWith(".cpuprofile"))
  if (files.length === 0) {
    console.error(`no .cpuprofile file in ${folder}: run a benchmark with BENCH_CPU_PROFILE=${folder}`)
    return 1
  }
  const profiles = files.map((file) => JSON.parse(fs.readFileSync(path.join(folder, file), "utf8")) as CpuProfile)
  files.forEach((file, index) => print(file, summarizeProfiles([profiles[index]], top)))
  if (files.length > 1) print("all processes", summarizeProfiles(profiles, top))
  return 0
}

function print(title: string, summary: ReturnType<typeof summarizeProfiles>): void {
  console.log(`\n${title}: ${summary.totalMs.toLocaleString("en-US")} ms on the CPU (idle left out)`)
  const table = (heading: string, rows: ProfileShare[]) => {
    console.log(`  ${heading}`)
    for (const row of rows) console.log(`    ${(row.share * 100).toFixed(1).padStart(5)} %  ${String(row.ms).padStart(7)} ms  ${row.name}`)
  }
  table("by area (self time)", summary.byArea)
  table("by function (self time)", summary.byFunction)
}

process.exit(main())
