import type { ChildProcess } from "node:child_process"

/** How long a child has to exit on SIGTERM (Medusa closes its server, pools and event bus) before SIGKILL. */
const GRACE_MS = 15_000

export function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null
}

/**
 * SIGTERM, then SIGKILL when the process has not exited within 15 s. `send` delivers a signal,
 * to the child alone by default (start.ts signals the forks of Medusa's cluster as well).
 */
export async function stopChild(
  child: ChildProcess,
  send: (signal: NodeJS.Signals) => void = (signal) => void child.kill(signal)
): Promise<void> {
  if (hasExited(child)) return
  const exited = new Promise((resolve) => child.once("exit", resolve))
  send("SIGTERM")
  const timer = setTimeout(() => send("SIGKILL"), GRACE_MS)
  await exited
  clearTimeout(timer)
}

/**
 * SIGKILL for the child if this process exits first (a failure, or an exit while it was still
 * being stopped), so that it is never left running on its own with PID 1 as its parent.
 * A signal that kills this process outright bypasses 'exit': signal handlers must not do that.
 */
export function killOnExit(child: ChildProcess): void {
  const kill = () => {
    if (!hasExited(child)) child.kill("SIGKILL")
  }
  process.on("exit", kill)
  child.once("exit", () => process.off("exit", kill))
}
