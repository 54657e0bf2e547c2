/**
 * A test hook, inert unless `SHOPEE_CRASH_AT` names this boundary: the process then kills itself
 * with SIGKILL, as a crash or a killed worker would, so that a test can prove an order import
 * resumes from any boundary without making a second order (`order-import-crash.spec.ts`).
 */
export const IMPORT_BOUNDARIES = ["claimed", "draft_created", "order_placed", "linked", "recorded"] as const
export type ImportBoundary = (typeof IMPORT_BOUNDARIES)[number]

export function crashPoint(boundary: ImportBoundary): void {
  if (process.env.SHOPEE_CRASH_AT === boundary) process.kill(process.pid, "SIGKILL")
}
