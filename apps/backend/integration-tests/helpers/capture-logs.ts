import type { Logger } from "@medusajs/framework/types"

const LEVELS = ["error", "warn", "info", "http", "debug", "log", "activity", "progress", "success", "failure"] as const

/**
 * Records every line given to Medusa's logger (while still logging it), so a test can assert
 * that no secret ever reached a log line.
 */
export function captureLogs(logger: Logger): { text(): string; restore(): void } {
  const lines: string[] = []
  const spies = LEVELS.filter((level) => typeof (logger as unknown as Record<string, unknown>)[level] === "function").map((level) =>
    jest.spyOn(logger as unknown as Record<string, (...args: unknown[]) => unknown>, level).mockImplementation(function (
      this: unknown,
      ...args: unknown[]
    ) {
      lines.push(
        args
          .map((arg) => (arg instanceof Error ? `${arg.message} ${arg.stack}` : typeof arg === "string" ? arg : JSON.stringify(arg)))
          .join(" ")
      )
      return undefined
    })
  )
  return { text: () => lines.join("\n"), restore: () => spies.forEach((spy) => spy.mockRestore()) }
}
