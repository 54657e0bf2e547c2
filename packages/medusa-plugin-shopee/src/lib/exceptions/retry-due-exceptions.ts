import type { MedusaContainer } from "@medusajs/framework/types"
import { resolveShopee } from "../shopee-module"
import { retryException } from "./retry-exception"

/** At most this many retries per run, so one run stays short whatever the backlog. */
const BATCH = 20

/** Retries the exceptions whose next attempt is due (set by the import's backoff schedule). */
export async function retryDueExceptions(container: MedusaContainer) {
  const shopee = resolveShopee(container)
  const due = await shopee.listConnectorExceptions(
    { status: "retrying", next_attempt_at: { $lte: new Date() } },
    { take: BATCH, order: { next_attempt_at: "ASC" } }
  )
  const outcome = { retried: 0, succeeded: 0 }
  for (const exception of due) {
    outcome.retried += 1
    if ((await retryException(container, exception.id).catch(() => ({ status: "failed" }))).status === "done") {
      outcome.succeeded += 1
    }
  }
  return outcome
}
