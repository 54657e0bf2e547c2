import fs from "node:fs"

export type ProcessMemory = { pid: number; role: string; rssMb: number }

/**
 * The Medusa processes of one `npm start` (found by the DATABASE_URL they were started with, in
 * /proc: Linux only) and their resident memory. The role is the process's MEDUSA_WORKER_MODE.
 */
export function medusaProcessMemory(databaseUrl: string): ProcessMemory[] {
  const found: ProcessMemory[] = []
  for (const entry of fs.readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    try {
      const command = fs.readFileSync(`/proc/${entry}/cmdline`, "utf8").split("\0")
      if (!command.some((part) => part.endsWith("/medusa")) || !command.includes("start")) continue
      const env = fs.readFileSync(`/proc/${entry}/environ`, "utf8").split("\0")
      if (!env.includes(`DATABASE_URL=${databaseUrl}`)) continue
      const clustered = command.includes("--cluster")
      const mode = env.find((line) => line.startsWith("MEDUSA_WORKER_MODE="))?.split("=")[1] ?? "shared"
      const isPrimary = clustered && childrenOf(Number(entry)).length > 0
      const rss = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${entry}/status`, "utf8"))
      found.push({ pid: Number(entry), role: isPrimary ? "cluster primary" : mode, rssMb: rss ? Number(rss[1]) / 1024 : 0 })
    } catch {
      // Ended while being read, or not ours to read.
    }
  }
  return found.sort((a, b) => a.role.localeCompare(b.role) || a.pid - b.pid)
}

function childrenOf(parent: number): number[] {
  return fs
    .readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .map(Number)
    .filter((pid) => {
      try {
        return Number(fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ")[1]) === parent
      } catch {
        return false
      }
    })
}

/** Samples every `everyMs` until stopped, keeping each process's highest RSS. */
export function samplePeakMemory(databaseUrl: string, everyMs = 500): { stop: () => ProcessMemory[] } {
  const peaks = new Map<number, ProcessMemory>()
  const sample = () => {
    for (const process of medusaProcessMemory(databaseUrl)) {
      const seen = peaks.get(process.pid)
      if (!seen || process.rssMb > seen.rssMb) peaks.set(process.pid, process)
    }
  }
  sample()
  const timer = setInterval(sample, everyMs)
  return {
    stop: () => {
      clearInterval(timer)
      sample()
      return [...peaks.values()].sort((a, b) => a.role.localeCompare(b.role) || a.pid - b.pid)
    },
  }
}
