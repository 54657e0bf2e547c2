import type { MedusaContainer } from "@medusajs/framework/types"
import type { ShopeeEnvironment } from "../../modules/shopee/environments"
import { resolveShopee } from "../shopee-module"

/** Attempts before a failing import is left open for a person. */
export const MAX_IMPORT_ATTEMPTS = 5

/** 1 min, 4 min, 16 min, 64 min…, capped at 2 h: quick for a blip, patient for an outage. */
export function retryDelayMs(attempt: number): number {
  return Math.min(60_000 * 4 ** (attempt - 1), 2 * 60 * 60 * 1000)
}

/**
 * Records a failed import of one order: a single exception per order, its attempts counted,
 * the next attempt scheduled with backoff, until the limit leaves it open for a person.
 */
export async function recordImportFailure(
  container: MedusaContainer,
  environment: ShopeeEnvironment,
  orderSn: string,
  error: unknown
): Promise<void> {
  const shopee = resolveShopee(container)
  const reason = (error as Error)?.message ?? String(error)
  const [existing] = await shopee.listConnectorExceptions({
    environment,
    kind: "order_import_failed",
    payload_ref: orderSn,
    status: ["open", "retrying"],
  })
  const attempts = (existing?.attempts ?? 0) + 1
  const exhausted = attempts >= MAX_IMPORT_ATTEMPTS
  const fields = {
    attempts,
    status: exhausted ? ("open" as const) : ("retrying" as const),
    next_attempt_at: exhausted ? null : new Date(Date.now() + retryDelayMs(attempts)),
    message: `Importing Shopee order ${orderSn} failed${exhausted ? ` ${attempts} times; left for a person` : ""}: ${reason}`,
  }
  if (existing) {
    await shopee.updateConnectorExceptions({ id: existing.id, ...fields })
  } else {
    await shopee.createConnectorExceptions({ environment, kind: "order_import_failed", payload_ref: orderSn, ...fields })
  }
}
