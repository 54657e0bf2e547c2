export type WorkerMode = "shared" | "server" | "worker"

const WORKER_MODES: readonly WorkerMode[] = ["shared", "server", "worker"]

/**
 * MEDUSA_WORKER_MODE splits HTTP (`server`) from subscribers, workflows and jobs (`worker`).
 * A typo must stop the boot: silently running as `shared` would put two workers on one queue.
 */
export function workerModeFromEnv(value: string | undefined): WorkerMode {
  if (value === undefined || value === "") {
    return "shared"
  }
  if (!(WORKER_MODES as readonly string[]).includes(value)) {
    throw new Error(`MEDUSA_WORKER_MODE must be shared, server or worker (got "${value}")`)
  }
  return value as WorkerMode
}
