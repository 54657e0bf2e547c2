/**
 * Without Redis each process has its own in-memory event bus: the event a server emits for a
 * stored push reaches only that server's subscribers, and a server started as
 * `MEDUSA_WORKER_MODE=server` loads none. A worker in that topology therefore finds new pushes
 * itself, in their table, every `PENDING_PUSH_POLL_MS`. With Redis the event reaches the
 * worker, and in a `shared` process its own subscriber: no poll.
 */
export const PENDING_PUSH_POLL_MS = 1000

/** Pending pushes one poll takes up, oldest first, and how many it processes at once. */
export const PENDING_PER_POLL = 200
export const PENDING_CONCURRENCY = 8

export function pollsPendingPushes(project: { workerMode?: string; redisUrl?: string }): boolean {
  return project.workerMode === "worker" && !project.redisUrl
}
