/**
 * The one line each benchmark prints at its end for `npm run bench`:
 * `BENCH_JSON {"bench":"<name>","rows":[{name, value, unit, baseline, ratio, goal, met}]}`.
 * `met` is null for a figure that has no goal. Pure: no I/O.
 */
export type BenchRow = {
  name: string
  value: number
  unit: string
  baseline: number | null
  ratio: number | null
  goal: string | null
  met: boolean | null
}

export type BenchReport = { bench: string; rows: BenchRow[] }

const PREFIX = "BENCH_JSON "

export function benchJsonLine(bench: string, rows: BenchRow[]): string {
  return PREFIX + JSON.stringify({ bench, rows })
}

/**
 * The last well-formed BENCH_JSON line of a benchmark's output, or null when it printed none
 * (an older benchmark, or one that failed before its end). A line that does not parse, or whose
 * rows are not what the format says, is skipped rather than trusted: the table then says
 * "missing" instead of showing a half-read figure.
 */
export function parseBenchJson(output: string): BenchReport | null {
  const lines = output.split(/\r?\n/).filter((line) => line.startsWith(PREFIX))
  for (const line of lines.reverse()) {
    const report = readReport(line.slice(PREFIX.length))
    if (report) return report
  }
  return null
}

function readReport(text: string): BenchReport | null {
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    return null
  }
  const candidate = parsed as { bench?: unknown; rows?: unknown }
  if (!candidate || typeof candidate.bench !== "string" || !Array.isArray(candidate.rows)) return null
  const rows = candidate.rows.map(readRow)
  return rows.every((row): row is BenchRow => row !== null) ? { bench: candidate.bench, rows } : null
}

function readRow(value: unknown): BenchRow | null {
  const row = value as Record<string, unknown> | null
  if (!row || typeof row.name !== "string" || typeof row.value !== "number" || typeof row.unit !== "string") return null
  const numberOrNull = (field: unknown) => (typeof field === "number" && Number.isFinite(field) ? field : null)
  return {
    name: row.name,
    value: row.value,
    unit: row.unit,
    baseline: numberOrNull(row.baseline),
    ratio: numberOrNull(row.ratio),
    goal: typeof row.goal === "string" ? row.goal : null,
    met: typeof row.met === "boolean" ? row.met : null,
  }
}
