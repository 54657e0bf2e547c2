import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { ORDER_EXCEPTION_KINDS } from "../../modules/shopee/exceptions/vocabulary"
import { replayEvent } from "../events/replay-event"
import { importShopeeOrders } from "../orders/import-shopee-orders"
import { refreshExpiringTokens } from "../refresh-expiring-tokens"
import { resolveShopee } from "../shopee-module"

export type RetryOutcome = { status: "done" | "failed"; message: string }

/** Kinds whose `payload_ref` is an order_sn and whose retry is importing that order again. */
const ORDER_KINDS = new Set<string>(ORDER_EXCEPTION_KINDS)
/** Kinds a retry can act on; the rest need a person (reconnect a shop, fix a key, handle a return). */
export const RETRYABLE_KINDS = new Set([...ORDER_KINDS, "push_processing_failed", "token_refresh_failed"])

/**
 * Runs again whatever an exception is about. A success settles the exception; a failure is
 * counted on it (the order import keeps its own backoff schedule).
 */
export async function retryException(container: MedusaContainer, id: string): Promise<RetryOutcome> {
  const shopee = resolveShopee(container)
  const [exception] = await shopee.listConnectorExceptions({ id })
  if (!exception) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Exception ${id} was not found`)
  }
  if (exception.status === "resolved") {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Exception ${id} is already resolved`)
  }
  if (!RETRYABLE_KINDS.has(exception.kind) || !exception.environment || !exception.payload_ref) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `An exception of kind ${exception.kind} cannot be retried; resolve it once the cause is dealt with.`
    )
  }
  const outcome = await run(container, exception.kind, exception.environment, exception.payload_ref)
  if (outcome.status === "done") {
    await shopee.resolveException(id)
  } else if (exception.kind !== "order_import_failed") {
    await shopee.recordExceptionRetryFailure(id, outcome.message)
  }
  return outcome
}

async function run(container: MedusaContainer, kind: string, environment: "sandbox" | "live", ref: string): Promise<RetryOutcome> {
  try {
    if (ORDER_KINDS.has(kind)) {
      const summary = await importShopeeOrders(container, { environment, orders: [{ order_sn: ref }] })
      if (summary.failed > 0) return { status: "failed", message: summary.failures[0].message }
      if (summary.held > 0) return { status: "failed", message: `Order ${ref} is still held; see its exception` }
      return { status: "done", message: `Order ${ref} synced` }
    }
    if (kind === "push_processing_failed") {
      const outcome = await replayEvent(container, ref)
      return outcome.status === "failed" ? { status: "failed", message: outcome.reason } : { status: "done", message: outcome.reason }
    }
    const tokens = await refreshExpiringTokens(container)
    return tokens.failed > 0 ? { status: "failed", message: "The token refresh was refused again" } : { status: "done", message: "Tokens refreshed" }
  } catch (error) {
    return { status: "failed", message: (error as Error).message }
  }
}
