import { toast } from "@medusajs/ui"
import type { ActionOutcome } from "./types"

/**
 * The outcome of a retry or a replay as a toast. The answer is read defensively: a route that
 * answers without an outcome (or with a status this page does not know) still gets a toast.
 */
export function toastOutcome(action: "Retry" | "Replay", subject: string, outcome: ActionOutcome | undefined): void {
  const description = [subject, outcome?.message].filter(Boolean).join(": ")
  switch (outcome?.status) {
    case "done":
    case "processed":
      toast.success(`${action} succeeded`, { description })
      return
    case "failed":
      toast.error(`${action} failed`, { description })
      return
    case "not_retryable":
      toast.warning(`${action} not possible`, { description })
      return
    default:
      toast.info(outcome?.status ? `${action}: ${outcome.status}` : `${action} sent`, { description })
  }
}
