import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { resolveShopee } from "../../lib/shopee-module"
import { retryShopeeExceptionWorkflow } from "../retry-shopee-exception"

/** At most this many retries per run, so one run stays short whatever the backlog. */
const BATCH = 20

export const retryDueExceptionsStepId = "retry-due-exceptions"

/**
 * Retries the exceptions whose next attempt is due (set by the import's backoff schedule), each
 * through `retryShopeeExceptionWorkflow`; one failing retry does not stop the others.
 */
export const retryDueExceptionsStep = createStep(
  retryDueExceptionsStepId,
  async (_input: void, { container }): Promise<StepResponse<{ retried: number; succeeded: number }>> => {
    const due = await resolveShopee(container).listConnectorExceptions(
      { status: "retrying", next_attempt_at: { $lte: new Date() } },
      { take: BATCH, order: { next_attempt_at: "ASC" } }
    )
    const outcome = { retried: 0, succeeded: 0 }
    for (const exception of due) {
      outcome.retried += 1
      const retried = await retryShopeeExceptionWorkflow(container)
        .run({ input: { exception_id: exception.id } })
        .then(({ result }) => result.status)
        .catch(() => "failed")
      if (retried === "done") outcome.succeeded += 1
    }
    return new StepResponse(outcome)
  }
)
