import { toast } from "@medusajs/ui"
import type { Translate } from "./translate"
import type { ActionOutcome } from "./types"

/**
 * The outcome of a retry or a replay as a toast. The answer is read defensively: a route that
 * answers without an outcome (or with a status this page does not know) still gets a toast.
 */
export function toastOutcome(t: Translate, action: "retry" | "replay", subject: string, outcome: ActionOutcome | undefined): void {
  const description = [subject, outcome?.message].filter(Boolean).join(": ")
  const title = (what: string, params?: Record<string, unknown>) => t(`shopee.outcome.${action}.${what}`, params)
  switch (outcome?.status) {
    case "done":
    case "processed":
      toast.success(title("succeeded"), { description })
      return
    case "failed":
      toast.error(title("failed"), { description })
      return
    case "not_retryable":
      toast.warning(title("notPossible"), { description })
      return
    default:
      toast.info(outcome?.status ? title("status", { status: outcome.status }) : title("sent"), { description })
  }
}
