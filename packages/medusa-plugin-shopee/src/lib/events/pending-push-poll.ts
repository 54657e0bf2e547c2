/**
 * Without Redis each process has its own in-memory event bus: the event a server emits for a
 * stored push reaches only that server's own subscribers (Medusa loads them in every mode), so
 * the server would process the push itself, beside its requests. In that topology the server
 * does not announce the push, and the worker finds new pushes itself, in their table, every
 * `PENDING_PUSH_POLL_MS`. With Redis the event reaches the worker; in a `shared` process its
 * own subscriber: no poll.
 */
export const PENDING_PUSH_POLL_MS = 1000

/** Pending pushes one poll takes up, oldest first, and how many it processes at once. */
export const PENDING_PER_POLL = 200
export const PENDING_CONCURRENCY = 8

export function pollsPendingPushes(project: { workerMode?: string; redisUrl?: string }): boolean {
  return project.workerMode === "worker" && !project.redisUrl
}

/** Whether a stored push is announced as an event: not by a server whose event only it would hear. */
export function announcesPushes(project: { workerMode?: string; redisUrl?: string }): boolean {
  return !(project.workerMode === "server" && !project.redisUrl)
}
