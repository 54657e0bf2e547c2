/**
 * When PostgreSQL itself says it stopped accepting connections and accepted them again, read off its
 * log lines rather than off this process's clock: the suite's event loop, busy with the simulator's
 * burst, reads a line late, and an outage window that ends late counts pushes made after the restart
 * as pushes made during the outage. Needs `log_line_prefix` to start with `%n` (seconds since the
 * epoch, with milliseconds), which the scratch cluster sets.
 */
export const EPOCH_LOG_LINE_PREFIX = "%n [%p] "

export type PostgresLogEvent = "shutdown_requested" | "ready"

const EVENTS: Array<[PostgresLogEvent, string]> = [
  ["shutdown_requested", "received fast shutdown request"],
  ["ready", "database system is ready to accept connections"],
]

/** The event a line reports and its time in ms since the epoch, or null for any other line. */
export function postgresLogEvent(line: string): { event: PostgresLogEvent; atMs: number } | null {
  const match = /^(\d+\.\d{3}) \[\d+\] LOG:\s+(.*)$/.exec(line)
  if (!match) return null
  const found = EVENTS.find(([, text]) => match[2].startsWith(text))
  if (!found) return null
  return { event: found[0], atMs: Math.round(Number(match[1]) * 1000) }
}
