import type { BenchReport } from "./bench-json"

/** One benchmark as `npm run bench` ran it: its report, or null when it printed no BENCH_JSON line. */
export type BenchOutcome = { bench: string; report: BenchReport | null; exitCode: number | null; seconds: number }

const HEADER = ["bench", "figure", "value", "baseline", "ratio", "goal", "met"]

/**
 * The table `npm run bench` prints: one row per figure, a "missing" row for a benchmark that
 * printed no BENCH_JSON line (with its exit code), and a last line counting the goals met.
 * Pure: the caller prints it.
 */
export function formatBenchTable(outcomes: BenchOutcome[]): string {
  const rows: string[][] = []
  let goals = 0
  let met = 0
  for (const outcome of outcomes) {
    if (!outcome.report) {
      rows.push([outcome.bench, "missing (no BENCH_JSON line)", "", "", "", "", `exit ${outcome.exitCode ?? "?"}`])
      continue
    }
    for (const row of outcome.report.rows) {
      if (row.met !== null) {
        goals += 1
        if (row.met) met += 1
      }
      rows.push([
        outcome.bench,
        row.name,
        `${figure(row.value)} ${row.unit}`,
        row.baseline === null ? "" : figure(row.baseline),
        row.ratio === null ? "" : `${row.ratio.toFixed(2)}x`,
        row.goal ?? "",
        row.met === null ? "" : row.met ? "yes" : "NO",
      ])
    }
  }
  const widths = HEADER.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)))
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => (column === 2 || column === 3 || column === 4 ? cell.padStart(widths[column]) : cell.padEnd(widths[column])))
      .join("  ")
      .trimEnd()
  const rule = widths.map((width) => "-".repeat(width)).join("  ")
  return [line(HEADER), rule, ...rows.map(line), rule, `goals met: ${met}/${goals}`].join("\n")
}

/** 3.4 -> "3.4", 1507.2 -> "1,507", 0.123 -> "0.123": enough digits to read, no more. */
export function figure(value: number): string {
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 1 ? 1 : 3
  return value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits })
}
