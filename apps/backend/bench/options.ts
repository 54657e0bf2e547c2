/** A command line the script cannot run as given: its message says what to type instead, and no stack trace follows it. */
export class UsageError extends Error {
  override name = "UsageError"
}

/**
 * A benchmark's numeric settings: `--name=value` on the command line (after `npm run … --`),
 * else the environment variable, else the default. A value that is not a number in range ends
 * the run with a message naming the flag, rather than benchmarking something else than asked.
 */
export function numberOption(name: string, envName: string, fallback: number, range: { min: number; max: number }): number {
  const flag = process.argv.slice(2).find((argument) => argument.startsWith(`--${name}=`))
  const raw = flag ? flag.slice(name.length + 3) : process.env[envName]
  if (raw === undefined || raw === "") return fallback
  const value = Number(raw.replace(/_/g, ""))
  if (!Number.isFinite(value) || value < range.min || value > range.max) {
    throw new UsageError(`--${name} (or ${envName}) must be a number from ${range.min} to ${range.max}; got "${raw}"`)
  }
  return value
}

/** Flags the benchmark does not know are refused, so that a typo does not go unnoticed. */
export function refuseUnknownFlags(known: string[]): void {
  for (const argument of process.argv.slice(2)) {
    const name = argument.replace(/^--/, "").split("=")[0]
    if (!argument.startsWith("--") || !known.includes(name)) {
      throw new UsageError(`Unknown argument "${argument}"; known: ${known.map((flag) => `--${flag}=…`).join(", ")}`)
    }
  }
}

/** 12345.6 -> "12,346" */
export function formatCount(value: number, fractionDigits = 0): string {
  return value.toLocaleString("en-US", { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits })
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}
